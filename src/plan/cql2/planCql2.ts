import type { Cql2Node } from '../../query/cql2/cql2Ast';
import { parseCql2 } from '../../query/cql2/cql2Parse';
import type { Predicate } from '../../model/predicate';
import type { QueryField } from '../../model/querySchema';
import { Cql2Context, notHolding, type Cql2Options } from './cql2Context';
import { planLike } from './cql2Like';
import { planIntersects } from './cql2Spatial';
import { betweenValues, comparable, compareValue, type Cql2Order } from './cql2Values';

const FLIP: Record<Cql2Order, Cql2Order> = { '=': '=', '<': '>', '<=': '>=', '>': '<', '>=': '<=' };

/** A predicate on one property and whether it is asked for or its negation (false, not unknown, only where the property has a value). */
const atom = (field: QueryField, p: Predicate, holds: boolean): Predicate => (holds ? p : notHolding(field, p));

function combine(kind: 'and' | 'or', parts: Predicate[]): Predicate {
  const clauses = parts.flatMap((p) => (p.kind === kind ? p.clauses : [p]));
  return clauses.length === 1 ? clauses[0] : { kind, clauses };
}

/** `a op b` with one property and one literal, in either order. */
function compare(ctx: Cql2Context, node: Extract<Cql2Node, { kind: 'compare' }>, negated: boolean): Predicate {
  const flipped = node.left.kind !== 'property' && node.right.kind === 'property';
  const [prop, value] = flipped ? [node.right, node.left] : [node.left, node.right];
  const field = comparable(ctx, prop, 'a comparison');
  const op = node.op === '<>' ? '=' : flipped ? FLIP[node.op] : node.op;
  return atom(field, compareValue(ctx, field, op, value, node.span), (node.op === '<>') === negated);
}

/**
 * One node, under `negated` NOTs: negations are pushed down to the predicates (De Morgan), where
 * each becomes false for a record without the property, as CQL2's three-valued logic has it.
 */
function plan(ctx: Cql2Context, node: Cql2Node, negated: boolean): Predicate {
  switch (node.kind) {
    case 'and': case 'or': {
      const kind = (node.kind === 'and') === negated ? 'or' : 'and';
      return combine(kind, node.operands.map((n) => plan(ctx, n, negated)));
    }
    case 'not': return plan(ctx, node.operand, !negated);
    case 'literal': return { kind: node.value !== negated ? 'all' : 'none' };
    case 'compare': return compare(ctx, node, negated);
    case 'like': {
      const field = comparable(ctx, node.operand, 'LIKE');
      return atom(field, planLike(ctx, field, node.pattern), node.negated === negated);
    }
    case 'between': {
      const field = comparable(ctx, node.operand, 'BETWEEN');
      return atom(field, betweenValues(ctx, field, node.low, node.high, node.span), node.negated === negated);
    }
    case 'in': {
      const field = comparable(ctx, node.operand, 'IN');
      const any = combine('or', node.list.map((v) => compareValue(ctx, field, '=', v, node.span)));
      return atom(field, any, node.negated === negated);
    }
    case 'isNull': {
      if (node.operand.kind !== 'property') return ctx.fail('IS NULL needs a property', node.operand.span);
      const field = ctx.resolve(node.operand);
      const missing: Predicate = { kind: 'missing', path: field.exists };
      return node.negated === negated ? missing : { kind: 'not', clause: missing };
    }
    case 'intersects': {
      const { field, predicate } = planIntersects(ctx, node.left, node.right, node.span);
      return atom(field, predicate, !negated);
    }
  }
}

/** A parsed filter → its predicate over the queryables. Throws QueryError (with its position) for what the schema refuses. */
export function planCql2Ast(node: Cql2Node, text: string, options: Cql2Options): Predicate {
  return plan(new Cql2Context(options, text), node, false);
}

/** Parse and plan one CQL2 text filter. */
export function planCql2(text: string, options: Cql2Options): Predicate {
  return planCql2Ast(parseCql2(text), text, options);
}
