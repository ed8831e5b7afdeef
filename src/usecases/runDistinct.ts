import { compileDistinctPage, compileRecordsAtLines, DISTINCT_PAGE } from '../compile/compileDistinct';
import { compileSearch } from '../compile/compileSearch';
import { AppError } from '../errors/catalogue';
import type { Deps } from '../execute/deps';
import { searchIndex } from '../execute/searchIndex';
import type { SearchPlan } from '../model/searchPlan';
import type { RecordHit, SearchResult } from '../model/searchResult';
import { planDistinct } from '../plan/planDistinct';
import { DistinctRow, orderDistinct, readDistinctPage } from '../results/readDistinct';
import { readSearchResult, recordOfHit } from '../results/readSearchResult';
import { RESULT_WINDOW } from './searchPage';

/** Most distinct rows one `distinct=true` search may read (they are all read to count and order them). */
export const MAX_DISTINCT_ROWS = 100_000;

async function distinctRows(deps: Deps, plan: ReturnType<typeof planDistinct>): Promise<DistinctRow[]> {
  const rows: DistinctRow[] = [];
  let after: Record<string, unknown> | undefined;
  for (;;) {
    const page = readDistinctPage(plan, await searchIndex(deps, compileDistinctPage(plan, after)));
    rows.push(...page.rows);
    if (rows.length > MAX_DISTINCT_ROWS) {
      throw new AppError('bad_parameter', `distinct: more than ${MAX_DISTINCT_ROWS} distinct rows; narrow the search (filters, q) or compare fewer fields.`, { parameter: 'distinct' });
    }
    if (page.rows.length < DISTINCT_PAGE || !page.after) return rows;
    after = page.after;
  }
}

/** The first records of a page of distinct rows, read by line (within the result window per request), in the page's order. */
async function recordsAt(deps: Deps, plan: SearchPlan, lines: readonly number[]): Promise<RecordHit[]> {
  const byLine = new Map<number, RecordHit>();
  for (let i = 0; i < lines.length; i += RESULT_WINDOW) {
    const res = await searchIndex(deps, compileRecordsAtLines(plan, lines.slice(i, i + RESULT_WINDOW)));
    for (const h of res.hits.hits) if (h._source?.line !== undefined) byLine.set(h._source.line, recordOfHit(h));
  }
  return lines.flatMap((l) => byLine.get(l) ?? []);
}

/**
 * `datastore_search` with `distinct=true` (reference/ckan-d4c.md A4): rows equal on every
 * returned field (but `_id`) count once over the whole result. Every distinct row is read
 * (a composite aggregation, page by page, bounded), ordered, counted for `total`, and the page's
 * rows are shown by their first record; facets, when asked, are those of the records.
 */
export async function runDistinct(deps: Deps, plan: SearchPlan, fieldsGiven: boolean): Promise<SearchResult> {
  const distinct = planDistinct(plan, fieldsGiven);
  const rows = orderDistinct(distinct, await distinctRows(deps, distinct));
  const page = rows.slice(plan.start, plan.start + plan.rows);
  const records = page.length ? await recordsAt(deps, plan, page.map((r) => r.first)) : [];
  const facetGroups = plan.facets.length ? readSearchResult(plan, await searchIndex(deps, compileSearch({ ...plan, rows: 0, start: 0 }))).facetGroups : [];
  return { nhits: rows.length, records, facetGroups };
}
