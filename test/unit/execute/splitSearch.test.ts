import type { SearchRequest, SearchResponse } from '@elastic/elasticsearch/lib/api/types';
import { joinSplit, splitSearch, TOTAL_AGG } from '../../../src/execute/splitSearch';

const query = { term: { 'v.kind': 'a' } };
const aggs = { facet0: { terms: { field: 'v.kind', size: 10 } } };
const page: SearchRequest = { index: 'i', query, aggs, track_total_hits: true, from: 20, size: 10, sort: [{ 'v.n': { order: 'asc' } }], _source: ['fields'] };

const answer = (over: Partial<SearchResponse<unknown>>): SearchResponse<unknown> => ({
  took: 3, timed_out: false, _shards: { total: 1, successful: 1, skipped: 0, failed: 0 }, hits: { hits: [] }, ...over,
});

describe('splitSearch', () => {
  test('the hits keep the page and its order but count nothing; the counts keep the query and the aggregations, without hits', () => {
    expect(splitSearch(page)).toEqual({
      hits: { index: 'i', query, track_total_hits: false, from: 20, size: 10, sort: [{ 'v.n': { order: 'asc' } }], _source: ['fields'] },
      counts: { index: 'i', query, size: 0, track_total_hits: true, aggs },
      ownTotal: false,
    });
  });

  test('a post-filter narrows the hits and is counted by a filter aggregation beside the others', () => {
    const post = { term: { 'v.kind': 'b' } };
    const split = splitSearch({ ...page, post_filter: post })!;
    expect(split.hits.post_filter).toEqual(post);
    expect(split.counts).toEqual({ index: 'i', query, size: 0, track_total_hits: false, aggs: { ...aggs, [TOTAL_AGG]: { filter: post } } });
    expect(split.totalAgg).toBe(TOTAL_AGG);
    expect(split.ownTotal).toBe(true);
  });

  test('a post-filter that a facet group already counts under is not counted twice: the total is that group\'s count', () => {
    const post = { bool: { filter: [{ term: { 'v.kind': 'b' } }, { term: { 'v.n': 3 } }] } };
    const under = { facet1: { filter: { bool: { filter: [{ term: { 'v.kind': 'b' } }, { term: { 'v.n': 3 } }] } }, aggs: { l1: { terms: { field: 'v.year' } } } } };
    const split = splitSearch({ ...page, aggs: { ...aggs, ...under }, post_filter: post })!;
    expect(split.counts.aggs).toEqual({ ...aggs, ...under });
    expect(split).toMatchObject({ totalAgg: 'facet1', ownTotal: false });
    // A group under another filter (the same parts in another order is another filter) does not count the hits.
    const other = { facet1: { filter: { bool: { filter: [{ term: { 'v.n': 3 } }, { term: { 'v.kind': 'b' } }] } } } };
    expect(splitSearch({ ...page, aggs: { ...aggs, ...other }, post_filter: post })).toMatchObject({ totalAgg: TOTAL_AGG, ownTotal: true });
  });

  test.each<[string, SearchRequest]>([
    ['no aggregation', { ...page, aggs: undefined }],
    ['empty aggregations', { ...page, aggs: {} }],
    ['no hits asked for', { ...page, size: 0 }],
    ['no exact total', { ...page, track_total_hits: false }],
    ['a snapshot', { ...page, pit: { id: 'x' } }],
    ['a cursor', { ...page, search_after: [1] }],
    ['a member this does not know', { ...page, min_score: 2 }],
    ['an aggregation of the reserved name', { ...page, aggs: { [TOTAL_AGG]: { filter: query } } }],
  ])('%s: sent whole', (_name, request) => {
    expect(splitSearch(request)).toBeNull();
  });
});

describe('joinSplit', () => {
  const hit = { _index: 'i', _id: 'r1', _score: null, _source: {} };

  test('the hits of the first answer, the total and aggregations of the second', () => {
    const split = splitSearch(page)!;
    const joined = joinSplit(split, answer({ took: 2, hits: { hits: [hit] } }), answer({ took: 7, hits: { total: { value: 42, relation: 'eq' }, hits: [] }, aggregations: { facet0: { buckets: [] } as never } }));
    expect(joined.hits).toEqual({ hits: [hit], total: { value: 42, relation: 'eq' } });
    expect(joined.aggregations).toEqual({ facet0: { buckets: [] } });
    expect(joined.took).toBe(7);
  });

  test('with a post-filter the total is the filter aggregation\'s count, which is not shown among the aggregations', () => {
    const split = splitSearch({ ...page, post_filter: query })!;
    const joined = joinSplit(split, answer({ hits: { hits: [hit] } }), answer({ hits: { total: { value: 0, relation: 'eq' }, hits: [] }, aggregations: { facet0: { buckets: [] }, [TOTAL_AGG]: { doc_count: 5 } } as never }));
    expect(joined.hits.total).toEqual({ value: 5, relation: 'eq' });
    expect(Object.keys(joined.aggregations!)).toEqual(['facet0']);
  });

  test('with a post-filter a facet group counts under, the total is that group\'s count, and the group stays', () => {
    const under = { facet1: { filter: query, aggs: { l1: { terms: { field: 'v.year' } } } } };
    const split = splitSearch({ ...page, aggs: { ...aggs, ...under }, post_filter: query })!;
    const counted = { facet0: { buckets: [] }, facet1: { doc_count: 8, l1: { buckets: [] } } };
    const joined = joinSplit(split, answer({ hits: { hits: [hit] } }), answer({ hits: { total: { value: 0, relation: 'eq' }, hits: [] }, aggregations: counted as never }));
    expect(joined.hits.total).toEqual({ value: 8, relation: 'eq' });
    expect(joined.aggregations).toEqual(counted);
  });

  test('a failed shard or a timeout in either answer shows in the joined one', () => {
    const split = splitSearch(page)!;
    const failed = answer({ _shards: { total: 1, successful: 0, skipped: 0, failed: 1 }, hits: { total: { value: 1, relation: 'eq' }, hits: [] } });
    expect(joinSplit(split, answer({}), failed)._shards.failed).toBe(1);
    expect(joinSplit(split, answer({ timed_out: true }), answer({ hits: { total: { value: 1, relation: 'eq' }, hits: [] } })).timed_out).toBe(true);
  });
});
