import type { SearchRequest, SearchResponse } from '@elastic/elasticsearch/lib/api/types';
import { joinSplit, splitSearch, TOTAL_AGG } from '../../../src/execute/splitSearch';

const query = { term: { 'v.kind': 'a' } };
const aggs = { facet0: { terms: { field: 'v.kind', size: 10 } } };
const page: SearchRequest = { index: 'i', query, aggs, track_total_hits: true, from: 20, size: 10, sort: [{ 'v.n': { order: 'asc' } }], _source: ['fields'] };

const answer = (over: Partial<SearchResponse<unknown>>): SearchResponse<unknown> => ({
  took: 3, timed_out: false, _shards: { total: 1, successful: 1, skipped: 0, failed: 0 }, hits: { hits: [] }, ...over,
});

describe('splitSearch', () => {
  test('the hits keep the page and its order but count nothing; one counting search keeps the query and the aggregations, without hits', () => {
    expect(splitSearch(page)).toEqual({
      hits: { index: 'i', query, track_total_hits: false, from: 20, size: 10, sort: [{ 'v.n': { order: 'asc' } }], _source: ['fields'] },
      counts: [{ request: { index: 'i', query, size: 0, track_total_hits: true, aggs }, total: true }],
    });
  });

  test('a post-filter narrows the hits; its total is a search of the query and that filter, beside the other aggregations', () => {
    const post = { term: { 'v.kind': 'b' } };
    const split = splitSearch({ ...page, post_filter: post })!;
    expect(split.hits.post_filter).toEqual(post);
    expect(split.counts).toEqual([
      { request: { index: 'i', query, size: 0, track_total_hits: false, aggs }, total: false },
      { request: { index: 'i', query: { bool: { filter: [query, post] } }, size: 0, track_total_hits: true }, group: TOTAL_AGG, total: true },
    ]);
  });

  test('each facet group (a top-level filter aggregation) is a search of the query and its filter; the one under the post-filter gives the total', () => {
    const post = { bool: { filter: [{ term: { 'v.kind': 'b' } }, { term: { 'v.n': 3 } }] } };
    const years = { l1: { terms: { field: 'v.year' } } };
    const under = { facet1: { filter: { bool: { filter: [{ term: { 'v.kind': 'b' } }, { term: { 'v.n': 3 } }] } }, aggs: years } };
    const kinds = { l1: { terms: { field: 'v.kind' } } };
    const beside = { facet2: { filter: { term: { 'v.n': 3 } }, aggs: kinds } };
    const split = splitSearch({ ...page, aggs: { ...aggs, ...under, ...beside }, post_filter: post })!;
    expect(split.counts).toEqual([
      { request: { index: 'i', query, size: 0, track_total_hits: false, aggs }, total: false },
      { request: { index: 'i', query: { bool: { filter: [query, under.facet1.filter] } }, size: 0, track_total_hits: true, aggs: years }, group: 'facet1', total: true },
      { request: { index: 'i', query: { bool: { filter: [query, beside.facet2.filter] } }, size: 0, track_total_hits: true, aggs: kinds }, group: 'facet2', total: false },
    ]);
    // A group under another filter (the same parts in another order is another filter) does not count the hits.
    const other = { facet1: { filter: { bool: { filter: [{ term: { 'v.n': 3 } }, { term: { 'v.kind': 'b' } }] } } } };
    const alone = splitSearch({ ...page, aggs: other, post_filter: post })!;
    expect(alone.counts.map((part) => [part.group, part.total])).toEqual([['facet1', false], [TOTAL_AGG, true]]);
  });

  test('without a query, a group searches its filter alone; a filter aggregation with more than sub-aggregations stays an aggregation', () => {
    const matchAll: SearchRequest = { ...page, query: undefined };
    const post = { term: { 'v.kind': 'b' } };
    const split = splitSearch({ ...matchAll, aggs: { g: { filter: post }, m: { filter: post, meta: { x: 1 } } }, post_filter: post })!;
    expect(split.counts).toEqual([
      { request: { index: 'i', size: 0, track_total_hits: false, aggs: { m: { filter: post, meta: { x: 1 } } } }, total: false },
      { request: { index: 'i', query: post, size: 0, track_total_hits: true }, group: 'g', total: true },
    ]);
  });

  test('a page that starts after a cursor keeps it in its hits; its counts count every match', () => {
    const split = splitSearch({ ...page, search_after: ['r9'] })!;
    expect(split.hits.search_after).toEqual(['r9']);
    expect(split.counts).toEqual([{ request: { index: 'i', query, size: 0, track_total_hits: true, aggs }, total: true }]);
  });

  test('a page without aggregations sends its total apart: a count of the query, or of the query and the post-filter', () => {
    const bare: SearchRequest = { ...page, aggs: undefined };
    expect(splitSearch(bare)).toEqual({
      hits: { index: 'i', query, track_total_hits: false, from: 20, size: 10, sort: [{ 'v.n': { order: 'asc' } }], _source: ['fields'] },
      counts: [{ request: { index: 'i', query, size: 0, track_total_hits: true }, total: true }],
    });
    const post = { term: { 'v.kind': 'b' } };
    expect(splitSearch({ ...bare, post_filter: post })!.counts).toEqual([
      { request: { index: 'i', query: { bool: { filter: [query, post] } }, size: 0, track_total_hits: true }, group: TOTAL_AGG, total: true },
    ]);
    // Still whole without a page of hits or an exact total.
    expect(splitSearch({ ...bare, size: 0 })).toBeNull();
    expect(splitSearch({ ...bare, track_total_hits: false })).toBeNull();
  });

  test('a page without aggregations sends its total apart in any order, or without one', () => {
    const bare: SearchRequest = { ...page, aggs: undefined };
    for (const sort of [[{ 'v.n': { order: 'desc' } }], ['_doc'], [{ recordid: 'asc' }], undefined] as SearchRequest['sort'][]) {
      expect(splitSearch({ ...bare, sort })?.counts).toEqual([{ request: { index: 'i', query, size: 0, track_total_hits: true }, total: true }]);
    }
  });

  test('a page without aggregations of every record stays whole (Elasticsearch counts it from its statistics), unless a post-filter narrows it', () => {
    const every: SearchRequest = { ...page, aggs: undefined, query: undefined };
    expect(splitSearch(every)).toBeNull();
    expect(splitSearch({ ...every, query: { match_all: {} } })).toBeNull();
    expect(splitSearch({ ...every, aggs: {}, query: { match_all: { boost: 1 } } })).toBeNull();
    const post = { term: { 'v.kind': 'b' } };
    expect(splitSearch({ ...every, post_filter: post })!.counts).toEqual([
      { request: { index: 'i', query: post, size: 0, track_total_hits: true }, group: TOTAL_AGG, total: true },
    ]);
    // A query beside match_all in the same container is not every record.
    expect(splitSearch({ ...every, query: { match_all: {}, term: { 'v.kind': 'a' } } as never })).not.toBeNull();
    // With aggregations, a page of every record still sends them apart.
    expect(splitSearch({ ...every, aggs })!.counts).toEqual([{ request: { index: 'i', size: 0, track_total_hits: true, aggs }, total: true }]);
  });

  test.each<[string, SearchRequest]>([
    ['no aggregation, every record', { ...page, aggs: undefined, query: undefined }],
    ['empty aggregations, match_all', { ...page, aggs: {}, query: { match_all: {} } }],
    ['no hits asked for', { ...page, size: 0 }],
    ['no exact total', { ...page, track_total_hits: false }],
    ['a snapshot', { ...page, pit: { id: 'x' } }],
    ['a member this does not know', { ...page, min_score: 2 }],
    ['an aggregation of the reserved name', { ...page, aggs: { [TOTAL_AGG]: { filter: query } } }],
  ])('%s: sent whole', (_name, request) => {
    expect(splitSearch(request)).toBeNull();
  });
});

describe('joinSplit', () => {
  const hit = { _index: 'i', _id: 'r1', _score: null, _source: {} };
  const counted = (total: number, aggregations?: Record<string, unknown>): SearchResponse<unknown> => answer({ hits: { total: { value: total, relation: 'eq' }, hits: [] }, ...(aggregations ? { aggregations: aggregations as never } : {}) });

  test('a page without aggregations takes its total from its count, and shows no aggregations', () => {
    const split = splitSearch({ ...page, aggs: undefined })!;
    const joined = joinSplit(split, answer({ hits: { hits: [hit] } }), [counted(42)]);
    expect(joined.hits).toEqual({ hits: [hit], total: { value: 42, relation: 'eq' } });
    expect(joined).not.toHaveProperty('aggregations');
  });

  test('the hits of the first answer, the total and aggregations of the counting search', () => {
    const split = splitSearch(page)!;
    const joined = joinSplit(split, answer({ took: 2, hits: { hits: [hit] } }), [{ ...counted(42, { facet0: { buckets: [] } }), took: 7 }]);
    expect(joined.hits).toEqual({ hits: [hit], total: { value: 42, relation: 'eq' } });
    expect(joined.aggregations).toEqual({ facet0: { buckets: [] } });
    expect(joined.took).toBe(7);
  });

  test('with a post-filter the total is its own search\'s count, which is not shown among the aggregations', () => {
    const split = splitSearch({ ...page, post_filter: query })!;
    const joined = joinSplit(split, answer({ hits: { hits: [hit] } }), [counted(0, { facet0: { buckets: [] } }), counted(5)]);
    expect(joined.hits.total).toEqual({ value: 5, relation: 'eq' });
    expect(joined.aggregations).toEqual({ facet0: { buckets: [] } });
  });

  test('a facet group\'s answer becomes the filter aggregation it stands for, and the group under the post-filter gives the total', () => {
    const under = { facet1: { filter: query, aggs: { l1: { terms: { field: 'v.year' } } } } };
    const beside = { facet2: { filter: { term: { 'v.n': 3 } } } };
    const split = splitSearch({ ...page, aggs: { ...aggs, ...under, ...beside }, post_filter: query })!;
    const joined = joinSplit(split, answer({ hits: { hits: [hit] } }), [counted(99, { facet0: { buckets: [] } }), counted(8, { l1: { buckets: [{ key: 2019, doc_count: 8 }] } }), counted(3)]);
    expect(joined.hits.total).toEqual({ value: 8, relation: 'eq' });
    expect(joined.aggregations).toEqual({ facet0: { buckets: [] }, facet1: { doc_count: 8, l1: { buckets: [{ key: 2019, doc_count: 8 }] } }, facet2: { doc_count: 3 } });
  });

  test('a failed shard or a timeout in any answer shows in the joined one', () => {
    const split = splitSearch({ ...page, post_filter: query })!;
    const failed = { ...counted(1), _shards: { total: 1, successful: 0, skipped: 0, failed: 1 } };
    expect(joinSplit(split, answer({}), [counted(1), failed])._shards.failed).toBe(1);
    expect(joinSplit(split, answer({}), [failed, counted(1)])._shards.failed).toBe(1);
    expect(joinSplit(split, answer({ timed_out: true }), [counted(1), counted(1)]).timed_out).toBe(true);
    expect(joinSplit(split, answer({}), [counted(1), { ...counted(1), timed_out: true }]).timed_out).toBe(true);
  });
});
