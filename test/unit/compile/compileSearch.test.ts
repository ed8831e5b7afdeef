import { compileSearch, sourceOf } from '../../../src/compile/compileSearch';
import type { Predicate } from '../../../src/model/predicate';
import type { FieldFilter } from '../../../src/model/searchPlan';
import { field, searchPlan, slashFacet } from '../../support/compileInputs';

const BASE = ['datasetid', 'recordid', 'line', 'record_timestamp'];
const term = (path: string, value: string): Predicate => ({ kind: 'term', path, value });
const TERM = (path: string, value: string) => ({ term: { [path]: { value } } });
const words: Predicate = { kind: 'words', paths: ['all_text'], text: 'paris', match: 'phrase' };
const WORDS = { match_phrase: { all_text: { query: 'paris' } } };
/** What every records search asks besides its query: the exact total, the first page of 10 by record id, the record as stored. */
const REST = { track_total_hits: true, from: 0, size: 10, sort: [{ recordid: { order: 'asc' } }], _source: true };

describe('sourceOf', () => {
  test('no choice of fields: the whole record and its geometry', () => {
    expect(sourceOf({})).toStrictEqual([...BASE, 'fields', 'geometry']);
  });

  test('chosen fields: each under fields., the geometry only with a geographic one', () => {
    expect(sourceOf({ fields: [field('a', 'text'), field('n', 'int')] })).toStrictEqual([...BASE, 'fields.a', 'fields.n']);
    expect(sourceOf({ fields: [field('a', 'text'), field('g', 'geo_point_2d')] })).toStrictEqual([...BASE, 'geometry', 'fields.a', 'fields.g']);
    expect(sourceOf({ fields: [field('s', 'geo_shape')] })).toStrictEqual([...BASE, 'geometry', 'fields.s']);
    expect(sourceOf({ fields: [field('d', 'date'), field('t', 'datetime'), field('x', 'double'), field('f', 'file')] })).toStrictEqual([...BASE, 'fields.d', 'fields.t', 'fields.x', 'fields.f']);
  });

  test('an empty choice: the base of every record only', () => {
    expect(sourceOf({ fields: [] })).toStrictEqual(BASE);
  });
});

describe('compileSearch: page, order, source', () => {
  test('records read written: their doc values alone, no _source and no stored field', () => {
    const { _source, ...rest } = REST;
    expect(_source).toBe(true);
    expect(compileSearch(searchPlan({ written: true }))).toStrictEqual({
      index: 'rec', query: { match_all: {} }, ...rest, _source: false, stored_fields: ['_none_'], docvalue_fields: ['written_record'],
    });
  });

  test('nothing asked: every record, the exact total, no post_filter and no aggs', () => {
    expect(compileSearch(searchPlan())).toStrictEqual({ index: 'rec', query: { match_all: {} }, ...REST });
  });

  test('the page is from start, size rows; each sort key keeps its direction', () => {
    const plan = searchPlan({ start: 40, rows: 20, sort: [{ path: 'v.n', order: 'desc' }, { path: 't.name.sort', order: 'asc' }, { path: 'recordid', order: 'asc' }] });
    expect(compileSearch(plan)).toStrictEqual({
      index: 'rec', query: { match_all: {} }, ...REST, from: 40, size: 20,
      sort: [{ 'v.n': { order: 'desc' } }, { 't.name.sort': { order: 'asc' } }, { recordid: { order: 'asc' } }],
    });
    expect(compileSearch(searchPlan({ rows: 0, sort: [] }))).toStrictEqual({ index: 'rec', query: { match_all: {} }, ...REST, size: 0, sort: [] });
  });

  test('chosen fields are read from _source; a plan\'s own source list wins over them', () => {
    expect(compileSearch(searchPlan({ fields: [field('a', 'text')] }))).toStrictEqual({ index: 'rec', query: { match_all: {} }, ...REST, _source: [...BASE, 'fields.a'] });
    expect(compileSearch(searchPlan({ fields: [field('a', 'text')], source: ['title'] }))).toStrictEqual({ index: 'rec', query: { match_all: {} }, ...REST, _source: ['title'] });
    expect(compileSearch(searchPlan({ source: [] }))).toStrictEqual({ index: 'rec', query: { match_all: {} }, ...REST, _source: [] });
  });
});

describe('compileSearch: query, shared filters, rank', () => {
  test('the plan\'s query as it is when nothing narrows it', () => {
    expect(compileSearch(searchPlan({ query: words }))).toStrictEqual({ index: 'rec', query: WORDS, ...REST });
  });

  test('filters of a field with no facet narrow the query: a bare filter under match_all, a must beside the query otherwise', () => {
    const filters: FieldFilter[] = [{ field: 'city', refine: term('v.city', 'Paris'), exclude: { kind: 'not', clause: term('v.city', 'Lyon') }, disjunctive: true }];
    const narrowing = [TERM('v.city', 'Paris'), { bool: { must_not: [TERM('v.city', 'Lyon')] } }];
    expect(compileSearch(searchPlan({ filters }))).toStrictEqual({ index: 'rec', query: { bool: { filter: narrowing } }, ...REST });
    expect(compileSearch(searchPlan({ filters, query: words }))).toStrictEqual({ index: 'rec', query: { bool: { must: [WORDS], filter: narrowing } }, ...REST });
  });

  test('rank clauses only score: the query and the narrowing in filter, one match per rank clause in should', () => {
    const rank = [{ path: 't.title', text: 'paris', boost: 3 }, { path: 't.description', text: 'paris', boost: 1 }];
    const should = [{ match: { 't.title': { query: 'paris', boost: 3 } } }, { match: { 't.description': { query: 'paris', boost: 1 } } }];
    expect(compileSearch(searchPlan({ query: words, rank }))).toStrictEqual({ index: 'rec', query: { bool: { filter: [WORDS], should } }, ...REST });
    const filters: FieldFilter[] = [{ field: 'city', refine: term('v.city', 'Paris'), disjunctive: false }];
    expect(compileSearch(searchPlan({ rank, filters }))).toStrictEqual({ index: 'rec', query: { bool: { filter: [{ match_all: {} }, TERM('v.city', 'Paris')], should } }, ...REST });
  });

  test('no rank clause at all is no rank', () => {
    expect(compileSearch(searchPlan({ query: words, rank: [] }))).toStrictEqual({ index: 'rec', query: WORDS, ...REST });
  });
});

describe('compileSearch: facets and post_filter', () => {
  const LEVEL1 = { terms: { field: 'v.place.l1' } };

  test('each facet with a kind has its aggregations; a field that is no facet has none', () => {
    const bare = slashFacet('other', { kind: undefined });
    expect(compileSearch(searchPlan({ facets: [bare, slashFacet('place')] }))).toStrictEqual({
      index: 'rec', query: { match_all: {} }, aggs: { facet1_l1: LEVEL1 }, ...REST,
    });
    expect(compileSearch(searchPlan({ facets: [bare] }))).toStrictEqual({ index: 'rec', query: { match_all: {} }, ...REST });
  });

  test('a disjunctive facet\'s refines go to post_filter, so that its own counts leave them out', () => {
    const filters: FieldFilter[] = [
      { field: 'place', refine: term('v.place', 'a'), disjunctive: true },
      { field: 'kind', refine: term('v.kind', 'k'), disjunctive: false },
    ];
    expect(compileSearch(searchPlan({ filters, facets: [slashFacet('place', { disjunctive: true })] }))).toStrictEqual({
      index: 'rec', query: { bool: { filter: [TERM('v.kind', 'k')] } },
      post_filter: TERM('v.place', 'a'),
      aggs: { facet0_l1: LEVEL1 }, ...REST,
    });
  });

  test('a facet listing excluded values keeps its excludes in post_filter, beside the other facets\' refines', () => {
    const exclude: Predicate = { kind: 'not', clause: term('v.place', 'q') };
    const EXCLUDE = { bool: { must_not: [TERM('v.place', 'q')] } };
    const filters: FieldFilter[] = [
      { field: 'place', exclude, disjunctive: false },
      { field: 'kind', refine: term('v.kind', 'k'), disjunctive: true },
    ];
    const facets = [slashFacet('place', { excluded: [{ path: 'q', depth: 1 }] }), slashFacet('kind', { disjunctive: true })];
    expect(compileSearch(searchPlan({ filters, facets }))).toStrictEqual({
      index: 'rec', query: { match_all: {} },
      post_filter: { bool: { filter: [EXCLUDE, TERM('v.kind', 'k')] } },
      aggs: {
        facet0: { filter: { bool: { filter: [TERM('v.kind', 'k'), EXCLUDE] } }, aggs: { l1: LEVEL1 } },
        facet0_excluded: { filter: TERM('v.kind', 'k'), aggs: { e0: { filter: { prefix: { 'v.place': { value: 'q' } } } } } },
        facet1: { filter: EXCLUDE, aggs: { l1: { terms: { field: 'v.kind.l1' } } } },
      },
      ...REST,
    });
  });
});
