import type { QueryNode } from '../query/ast';
import { parseLucene } from '../query/parseLucene';
import { fold } from '../text/fold';
import { CKAN_QUERY_SCHEMA } from '../schema/ckanQuerySchema';
import { readingQuery } from './planQueries';
import { planAst } from './planQuery';
import type { Predicate } from '../model/predicate';
import type { RankClause } from '../model/searchPlan';

/** CKAN's relevance (`qf = name^4 title^4 tags^2 groups^2 text`), on the catalog's folded text fields. */
const RANKED: Array<[string, number]> = [['t.datasetid', 4], ['t.title', 4], ['t.keyword', 2], ['t.theme', 2], ['all_text', 1]];

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
    const ast = readingQuery(parameter, () => parseLucene(text));
    if (ast === undefined) continue;
    predicates.push(readingQuery(parameter, () => planAst(ast, text, { schema: CKAN_QUERY_SCHEMA, timeZone: options.timeZone, now: options.now })));
    if (parameter === 'q' && options.ranked) rankText = fold(freeText(ast).join(' ')).trim();
  }
  return { predicates, rank: rankText ? RANKED.map(([path, boost]) => ({ path, text: rankText, boost })) : [] };
}
