import type { AggregationsAggregationContainer, QueryDslQueryContainer, SearchRequest, SearchResponse } from '@elastic/elasticsearch/lib/api/types';

/**
 * From this many records a dataset's pages with facets send their counts apart (bench:search and
 * bench:peers, docs/performance-history.md): on the 1,000,000-record copy a repeated page's p50
 * went from 42 ms (one search, 2026-12-03) to 7 ms (2026-12-04), while on lieux-de-tournage
 * (14,760 records) the second search cost more than the aggregations it spared: with the request
 * cache off, our throughput over Searchkit's on the date hierarchy fell from 1.40 to 1.00.
 */
export const COUNTS_APART_FROM = 100_000;

/** Whether the pages with facets of a dataset of `recordsCount` records send their counts apart. */
export const countsApartFor = (recordsCount: number): boolean => recordsCount >= COUNTS_APART_FROM;

/** The aggregation that counts the hits of a split search with a post-filter (no facet aggregation is named so). */
export const TOTAL_AGG = 'portal_search_total';

/** Members of a request that only shape its hits: they go to the hits search alone. */
const HITS_ONLY = new Set(['from', 'size', 'sort', '_source', 'post_filter', 'track_total_hits', 'highlight', 'fields', 'docvalue_fields', 'stored_fields', 'track_scores']);
/** Members that decide what matches: both searches have them. Any other member leaves the request whole. */
const SHARED = new Set(['index', 'query', 'timeout']);

/**
 * A search sent as two: the page of hits, and the counts (total and aggregations). With a
 * post-filter, `totalAgg` names the filter aggregation that counts the hits, and `ownTotal` says
 * whether the split added it (it then leaves the joined answer).
 */
export interface SplitSearch { hits: SearchRequest; counts: SearchRequest; totalAgg?: string; ownTotal: boolean }

/**
 * Splits a search that asks for both hits and aggregations with an exact total into two, sent
 * together in one `_msearch`: the hits alone, without counting them (Elasticsearch may stop once
 * it holds the page), and the total and aggregations with `size: 0`, which Elasticsearch's
 * request cache keeps and answers again until the index changes. A post-filter narrows the hits
 * but not the aggregations: the total is then a filter aggregation of it, one the request has
 * already when a facet group counts under that same filter (no second pass over the matching
 * records for the same count). Null when the request
 * is not of that kind (no aggregation, no hit, a snapshot or a cursor, a member not known here).
 */
export function splitSearch(request: SearchRequest): SplitSearch | null {
  const aggs = request.aggs ?? request.aggregations;
  if (!aggs || Object.keys(aggs).length === 0 || TOTAL_AGG in aggs) return null;
  if ((request.size ?? 10) === 0 || request.track_total_hits !== true) return null;
  const hits: Record<string, unknown> = {};
  const counts: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(request)) {
    if (key === 'aggs' || key === 'aggregations') continue;
    if (SHARED.has(key)) { hits[key] = value; counts[key] = value; } else if (HITS_ONLY.has(key)) hits[key] = value;
    else return null;
  }
  const post = request.post_filter;
  const same = post === undefined ? undefined : sameFilter(aggs, post);
  const ownTotal = post !== undefined && same === undefined;
  return {
    hits: { ...hits, track_total_hits: false },
    counts: { ...counts, size: 0, track_total_hits: post === undefined, aggs: ownTotal ? { ...aggs, [TOTAL_AGG]: { filter: post } } : aggs },
    ...(post === undefined ? {} : { totalAgg: same ?? TOTAL_AGG }),
    ownTotal,
  };
}

/** The top-level filter aggregation whose filter is `filter`, if there is one. */
function sameFilter(aggs: Record<string, AggregationsAggregationContainer>, filter: QueryDslQueryContainer): string | undefined {
  const text = JSON.stringify(filter);
  return Object.keys(aggs).find((name) => aggs[name].filter !== undefined && JSON.stringify(aggs[name].filter) === text);
}

/** The one answer the whole request would have had: the hits of the first, the total and aggregations of the second. */
export function joinSplit<T>(split: SplitSearch, hits: SearchResponse<T>, counts: SearchResponse<unknown>): SearchResponse<T> {
  const all = counts.aggregations ?? {};
  const aggregations = split.ownTotal ? Object.fromEntries(Object.entries(all).filter(([name]) => name !== TOTAL_AGG)) : all;
  const value = split.totalAgg === undefined ? totalOf(counts) : (all[split.totalAgg] as { doc_count: number }).doc_count;
  return {
    ...hits,
    took: Math.max(hits.took, counts.took),
    timed_out: hits.timed_out || counts.timed_out,
    _shards: { ...hits._shards, failed: hits._shards.failed + counts._shards.failed },
    hits: { ...hits.hits, total: { value, relation: 'eq' } },
    aggregations,
  };
}

function totalOf(res: SearchResponse<unknown>): number {
  const total = res.hits.total;
  return typeof total === 'number' ? total : total?.value ?? 0;
}
