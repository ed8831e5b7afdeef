import type { QueryNode } from '../query/ast';
import { parseQuery } from '../query/parse';
import { PlanContext, PlanOptions } from './planContext';
import { planCall } from './planCall';
import { planField, planRange } from './planField';
import type { Predicate } from '../model/predicate';

/** Flattens nested and/or of the same kind; drops clauses that search nothing (null). */
function combine(kind: 'and' | 'or', parts: Array<Predicate | null>): Predicate | null {
  const clauses = parts.flatMap((p) => (p === null ? [] : p.kind === kind ? p.clauses : [p]));
  if (clauses.length === 0) return null;
  return clauses.length === 1 ? clauses[0] : { kind, clauses };
}

/** The operands of a chain of one boolean kind, left to right, without recursion (chains can be 1,000 long). */
function chain(node: QueryNode, kind: 'and' | 'or'): QueryNode[] {
  const out: QueryNode[] = [];
  const stack: QueryNode[] = [node];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.kind === kind) stack.push(n.right, n.left);
    else out.push(n);
  }
  return out;
}

function plan(node: QueryNode, ctx: PlanContext): Predicate | null {
  switch (node.kind) {
    case 'and': case 'or': return combine(node.kind, chain(node, node.kind).map((n) => plan(n, ctx)));
    case 'not': {
      const inner = plan(node.operand, ctx);
      return inner === null ? null : { kind: 'not', clause: inner };
    }
    case 'text': return ctx.words([ctx.options.schema.allText], node.literal);
    case 'field': return planField(node, ctx);
    case 'range': return planRange(node, ctx);
    case 'call': return planCall(node, ctx);
  }
}

/** A parsed query → its predicate over the schema. A query that searches nothing (`-`) matches everything. */
export function planAst(node: QueryNode, query: string, options: PlanOptions): Predicate {
  return plan(node, new PlanContext(options, query)) ?? { kind: 'all' };
}

/** Parse and plan one `q`. Throws QueryError (with its position) for anything the language or the schema refuses. */
export function planQuery(query: string, options: PlanOptions): Predicate {
  return planAst(parseQuery(query), query, options);
}
