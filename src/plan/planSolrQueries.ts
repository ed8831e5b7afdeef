import { AppError } from '../errors/catalogue';
import type { QueryNode } from '../query/ast';
import { LuceneQuery, parseLucene } from '../query/parseLucene';
import { QueryError } from '../query/queryError';
import { fold } from '../text/fold';
import { CKAN_QUERY_SCHEMA } from './ckanQuerySchema';
import { planAst } from './planQuery';
import type { Predicate } from './predicate';
import type { RankClause } from './searchPlan';

/** CKAN's relevance (`qf = name^4 title^4 tags^2 groups^2 text`), on the catalog's folded text fields. */
const RANKED: Array<[string, number]> = [['t.datasetid', 4], ['t.title', 4], ['t.keyword', 2], ['t.theme', 2], ['all_text', 1]];

function parse(parameter: string, text: string): LuceneQuery {
  try {
    return parseLucene(text);
  } catch (err) {
    if (!(err instanceof QueryError)) throw err;
    throw new AppError('bad_query', `Invalid query in ${parameter}: ${err.explain()}`, { parameter, position: err.position });
  }
}

/** The words a query asks for in free text (bare words, phrases, `text:`), outside any NOT. */
function freeText(node: QueryNode): string[] {
  switch (node.kind) {
    case 'and': case 'or': return [...freeText(node.left), ...freeText(node.right)];
    case 'text': return [node.literal.text];
    case 'field': return node.field === 'text' && node.value.kind !== 'call' ? [node.value.text] : [];
    case 'not': case 'range': case 'call': return [];
  }
}

/**
 * CKAN's `q` and `fq` (Solr syntax) → predicates over the catalog, ANDed by the caller; a query
 * the parser or the schema refuses is a Search Query Error naming its parameter, with the position.
 * `rank` scores hits by `q`'s free text as CKAN's dismax weighs it, for a sort on relevance.
 */
export function planSolrQueries(q: string | undefined, fq: readonly string[], options: { timeZone: string; now: number; ranked: boolean }): { predicates: Predicate[]; rank: RankClause[] } {
  const texts = [...(q !== undefined ? [{ parameter: 'q', text: q }] : []), ...fq.map((text) => ({ parameter: 'fq', text }))];
  const predicates: Predicate[] = [];
  let rankText = '';
  for (const { parameter, text } of texts) {
    const ast = parse(parameter, text);
    if (ast === undefined) continue;
    try {
      predicates.push(planAst(ast, text, { schema: CKAN_QUERY_SCHEMA, timeZone: options.timeZone, now: options.now }));
    } catch (err) {
      if (!(err instanceof QueryError)) throw err;
      throw new AppError('bad_query', `Invalid query in ${parameter}: ${err.explain()}`, { parameter, position: err.position });
    }
    if (parameter === 'q' && options.ranked) rankText = fold(freeText(ast).join(' ')).trim();
  }
  return { predicates, rank: rankText ? RANKED.map(([path, boost]) => ({ path, text: rankText, boost })) : [] };
}
