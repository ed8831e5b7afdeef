import type { AggregationsAggregationContainer, QueryDslQueryContainer, SearchRequest, SearchResponse } from '@elastic/elasticsearch/lib/api/types';

/**
 * From this many records a dataset's pages send their counts and their total apart (bench:search and
 * bench:peers, docs/performance-history.md): on the 1,000,000-record copy a repeated page's p50
 * went from 42 ms (one search, 2026-12-03) to 7 ms (2026-12-04), while on lieux-de-tournage
 * (14,760 records) the second search cost more than the aggregations it spared: with the request
 * cache off, our throughput over Searchkit's on the date hierarchy fell from 1.40 to 1.00.
 */
export const COUNTS_APART_FROM = 100_000;

/**
 * Whether the pages of a dataset of `recordsCount` records send their counts apart: their facets,
 * and the total of a page without facets (records search, CKAN datastore_search, OGC API items)
 * unless it is free (`splitSearch`).
 */
export const countsApartFor = (recordsCount: number): boolean => recordsCount >= COUNTS_APART_FROM;

/** The name the count of a post-filter's hits goes by when no facet group counts under that filter (no aggregation is named so). */
export const TOTAL_AGG = 'portal_search_total';

/** Members of a request that only shape its hits: they go to the hits search alone (a total counts every match, wherever the page starts). */
const HITS_ONLY = new Set(['from', 'size', 'sort', 'search_after', '_source', 'post_filter', 'track_total_hits', 'highlight', 'fields', 'docvalue_fields', 'stored_fields', 'track_scores']);
/** Members that decide what matches: every search has them. Any other member leaves the request whole. */
const SHARED = new Set(['index', 'query', 'timeout']);

/**
 * One counting search of a split page (`size: 0`) and what its answer gives the page: a facet
 * group's count and aggregations (`group`, a top-level filter aggregation searched as the query
 * and its filter), or the page's other aggregations; `total` when its hit count is the page's total.
 */
export interface CountPart { request: SearchRequest; group?: string; total: boolean }

/** A search sent as several in one `_msearch`: the page of hits, then its counting searches, answered in that order. */
export interface SplitSearch { hits: SearchRequest; counts: CountPart[] }

/**
 * Splits a search that asks for hits and an exact total, with or without aggregations, to be sent
 * as one `_msearch`:
 * - the hits alone, without counting them (Elasticsearch may stop once it holds the page: a record
 *   index is kept in record id order);
 * - each top-level filter aggregation (a facet group under the other facets' refinements) as a
 *   search of the query and its filter, whose total is the group's count: Elasticsearch then
 *   walks only the records both match, where the aggregation tests its filter on every record
 *   the query matches, and the searches run side by side;
 * - the other aggregations, with the total when there is no post-filter.
 * A post-filter narrows the hits but not the aggregations: the total is then the count of the
 * group under that same filter, or of a search of its own. Every counting search has `size: 0`,
 * so Elasticsearch's request cache keeps it and answers it again until the index changes.
 * Null when the request is not of that kind (no hit, no exact total, a snapshot, a member not
 * known here), and for a request without aggregations whose total is free (`totalIsFree`).
 */
export function splitSearch(request: SearchRequest): SplitSearch | null {
  const aggs = request.aggs ?? request.aggregations ?? {};
  if ((Object.keys(aggs).length === 0 && totalIsFree(request)) || TOTAL_AGG in aggs) return null;
  if ((request.size ?? 10) === 0 || request.track_total_hits !== true) return null;
  const hits: Record<string, unknown> = {};
  const shared: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(request)) {
    if (key === 'aggs' || key === 'aggregations') continue;
    if (SHARED.has(key)) { hits[key] = value; shared[key] = value; } else if (HITS_ONLY.has(key)) hits[key] = value;
    else return null;
  }
  const post = request.post_filter;
  const postText = post === undefined ? undefined : JSON.stringify(post);
  const counts: CountPart[] = [];
  const rest: Record<string, AggregationsAggregationContainer> = {};
  let counted = false;
  for (const [name, agg] of Object.entries(aggs)) {
    const filter = groupFilter(agg);
    if (filter === undefined) { rest[name] = agg; continue; }
    const total: boolean = !counted && postText !== undefined && JSON.stringify(filter) === postText;
    counted ||= total;
    counts.push({ request: narrowed(shared, filter, agg.aggs ?? agg.aggregations), group: name, total });
  }
  if (post !== undefined && !counted) counts.push({ request: narrowed(shared, post, undefined), group: TOTAL_AGG, total: true });
  const hasRest = Object.keys(rest).length > 0;
  if (post === undefined || hasRest) counts.unshift({ request: { ...shared, size: 0, track_total_hits: post === undefined, ...(hasRest ? { aggs: rest } : {}) }, total: post === undefined });
  return { hits: { ...hits, track_total_hits: false }, counts };
}

/**
 * Whether Elasticsearch counts a request's matches without walking them: every record (no query,
 * or `match_all`) and no post-filter. It reads that total from the index's statistics, and its hits
 * still stop early, so a count apart would only add a search. Any other request without
 * aggregations gains by counting apart: its hits, counting nothing, stop once they hold the page in
 * record id order (the index's own), or skip the records that cannot make the page in the order of
 * a number or a date. On the 1,000,000-record copy, straight, request cache off, 60 calls each,
 * taking turns (2026-12-07, 13:31 UTC), whole → split:
 * - a bbox, `rows=10`: in record id order 10.77 → 2.23 ms, in date order 28.77 → 3.15, by year
 *   30.32 → 4.79;
 * - a field query and a polygon in date order 11.99 → 12.18; a prefix query by title 1.75 → 1.80
 *   (Elasticsearch walked few records either way);
 * - every record in date order 1.81 → 1.88 (counted from the statistics): sent whole.
 */
function totalIsFree(request: SearchRequest): boolean {
  const query = request.query;
  return request.post_filter === undefined && (query === undefined || (Object.keys(query).length === 1 && query.match_all !== undefined));
}

/** The filter of a top-level aggregation that is a filter and its sub-aggregations, nothing else. */
function groupFilter(agg: AggregationsAggregationContainer): QueryDslQueryContainer | undefined {
  if (agg.filter === undefined) return undefined;
  return Object.keys(agg).every((key) => key === 'filter' || key === 'aggs' || key === 'aggregations') ? agg.filter : undefined;
}

/** A counting search of the records that match both the request's query and `filter`. */
function narrowed(shared: Record<string, unknown>, filter: QueryDslQueryContainer, aggs: Record<string, AggregationsAggregationContainer> | undefined): SearchRequest {
  const query = shared.query as QueryDslQueryContainer | undefined;
  return { ...shared, query: query === undefined ? filter : { bool: { filter: [query, filter] } }, size: 0, track_total_hits: true, ...(aggs === undefined ? {} : { aggs }) };
}

/** The one answer the whole request would have had, from the answers of the hits and of each counting search, in the split's order. */
export function joinSplit<T>(split: SplitSearch, hits: SearchResponse<T>, counts: Array<SearchResponse<unknown>>): SearchResponse<T> {
  const aggregations: Record<string, unknown> = {};
  let value = 0;
  split.counts.forEach((part, i) => {
    const res = counts[i];
    if (part.total) value = totalOf(res);
    if (part.group === undefined) Object.assign(aggregations, res.aggregations);
    else if (part.group !== TOTAL_AGG) aggregations[part.group] = { doc_count: totalOf(res), ...res.aggregations };
  });
  return {
    ...hits,
    took: Math.max(hits.took, ...counts.map((res) => res.took)),
    timed_out: hits.timed_out || counts.some((res) => res.timed_out),
    _shards: { ...hits._shards, failed: counts.reduce((n, res) => n + res._shards.failed, hits._shards.failed) },
    hits: { ...hits.hits, total: { value, relation: 'eq' } },
    // A page without aggregations has none in its answer, as when sent whole.
    ...(Object.keys(aggregations).length > 0 ? { aggregations: aggregations as SearchResponse<T>['aggregations'] } : {}),
  };
}

function totalOf(res: SearchResponse<unknown>): number {
  const total = res.hits.total;
  return typeof total === 'number' ? total : total?.value ?? 0;
}
