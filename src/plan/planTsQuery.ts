import type { Literal } from '../query/ast';
import { parseTsQuery, TsQueryNode } from '../query/tsquery';
import type { Predicate } from '../model/predicate';
import { PlanContext, PlanOptions } from './planContext';

function combine(kind: 'and' | 'or', parts: Array<Predicate | null>): Predicate | null {
  const clauses = parts.flatMap((p) => (p === null ? [] : p.kind === kind ? p.clauses : [p]));
  if (clauses.length === 0) return null;
  return clauses.length === 1 ? clauses[0] : { kind, clauses };
}

function plan(node: TsQueryNode, paths: string[], ctx: PlanContext): Predicate | null {
  switch (node.kind) {
    case 'and': case 'or': return combine(node.kind, node.clauses.map((c) => plan(c, paths, ctx)));
    case 'not': {
      const inner = plan(node.operand, paths, ctx);
      return inner === null ? null : { kind: 'not', clause: inner };
    }
    case 'lexeme': {
      const literal: Literal = { kind: node.prefix ? 'word' : 'phrase', text: node.text, span: node.span };
      return ctx.words(paths, literal, node.prefix ? 'prefix' : 'phrase');
    }
    case 'followedBy': return ctx.words(paths, { kind: 'phrase', text: node.words.join(' '), span: node.span }, 'phrase');
  }
}

/**
 * A `plain=false` DataStore query (PostgreSQL's `to_tsquery` syntax, parsed by parseTsQuery) →
 * a predicate over the folded words of `paths`: a lexeme matches that whole word (accents and case
 * ignored, no stemming), `word:*` the words starting with it, `a <-> b` and `'a b'` the words in
 * order. A part with nothing the index has words for drops out, as in the query language; a query
 * with nothing at all to search matches everything. Throws QueryError with the position.
 */
export function planTsQuery(query: string, paths: string[], options: PlanOptions): Predicate {
  const node = parseTsQuery(query);
  return (node && plan(node, paths, new PlanContext(options, query))) ?? { kind: 'all' };
}
