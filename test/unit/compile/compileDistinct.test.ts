import { compileDistinctPage, compileRecordsAtLines, DISTINCT_PAGE } from '../../../src/compile/compileDistinct';
import type { DistinctPlan } from '../../../src/model/searchPlan';
import { field, searchPlan } from '../../support/compileInputs';

const plan = (keys: DistinctPlan['keys']): DistinctPlan => ({ index: 'rec', query: { kind: 'term', path: 'v.kind', value: 'k' }, keys, order: [{ path: 'line', order: 'asc' }] });
const QUERY = { term: { 'v.kind': { value: 'k' } } };
const FIRST = { first: { min: { field: 'line' } } };

describe('compileDistinctPage', () => {
  test('pages of 10,000 distinct rows', () => {
    expect(DISTINCT_PAGE).toBe(10_000);
  });

  test('one composite source per compared value, a missing value a bucket of its own; each bucket\'s first line', () => {
    expect(compileDistinctPage(plan([{ path: 'v.city', geo: false }, { path: 'v.n', geo: false }]), undefined)).toStrictEqual({
      index: 'rec', size: 0, track_total_hits: false, query: QUERY,
      aggs: {
        rows: {
          composite: { size: 10_000, sources: [{ k0: { terms: { field: 'v.city', missing_bucket: true } } }, { k1: { terms: { field: 'v.n', missing_bucket: true } } }] },
          aggs: FIRST,
        },
      },
    });
  });

  test('a geographic value compares by its finest geotile (precision 29)', () => {
    expect(compileDistinctPage(plan([{ path: 'v.geo', geo: true }]), undefined)).toStrictEqual({
      index: 'rec', size: 0, track_total_hits: false, query: QUERY,
      aggs: { rows: { composite: { size: 10_000, sources: [{ k0: { geotile_grid: { field: 'v.geo', precision: 29, missing_bucket: true } } }] }, aggs: FIRST } },
    });
  });

  test('a next page starts after the key of the previous one', () => {
    const after = { k0: 'Paris', k1: null };
    expect(compileDistinctPage(plan([{ path: 'v.city', geo: false }]), after)).toStrictEqual({
      index: 'rec', size: 0, track_total_hits: false, query: QUERY,
      aggs: { rows: { composite: { size: 10_000, sources: [{ k0: { terms: { field: 'v.city', missing_bucket: true } } }], after: { k0: 'Paris', k1: null } }, aggs: FIRST } },
    });
  });

  test('no key: no source', () => {
    expect(compileDistinctPage(plan([]), undefined)).toStrictEqual({
      index: 'rec', size: 0, track_total_hits: false, query: QUERY, aggs: { rows: { composite: { size: 10_000, sources: [] }, aggs: FIRST } },
    });
  });
});

describe('compileRecordsAtLines', () => {
  test('the records at those lines, as many as there are lines, no total, with the plan\'s fields', () => {
    expect(compileRecordsAtLines(searchPlan({ fields: [field('city', 'text')] }), [3, 7, 12])).toStrictEqual({
      index: 'rec', size: 3, track_total_hits: false,
      query: { bool: { filter: [{ terms: { line: [3, 7, 12] } }] } },
      _source: ['datasetid', 'recordid', 'line', 'record_timestamp', 'fields.city'],
    });
  });

  test('without a choice of fields, the whole record; no line, no record', () => {
    expect(compileRecordsAtLines(searchPlan(), [])).toStrictEqual({
      index: 'rec', size: 0, track_total_hits: false,
      query: { bool: { filter: [{ terms: { line: [] } }] } },
      _source: ['datasetid', 'recordid', 'line', 'record_timestamp', 'fields', 'geometry'],
    });
  });
});
