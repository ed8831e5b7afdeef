import { ANALYZE_PAGE, compileAnalyzePage, compileAnalyzeTotals, compositeSources, fieldSeriesStats, seriesAggs } from '../../../src/compile/analyzeAggs';
import type { AnalyzePlan, Series, XSource } from '../../../src/model/analyze';
import { field } from '../../support/compileInputs';

const avgPop: Series = { name: 'pop', func: 'AVG', field: 'population', cumulative: false };
const maxArea: Series = { name: 'area', func: 'MAX', field: 'surface', cumulative: true };
const count: Series = { name: 'n', func: 'COUNT', cumulative: false };
const ratio: Series = { name: 'r', func: 'SUM', expr: { kind: 'bin', op: '/', left: { kind: 'field', name: 'a' }, right: { kind: 'field', name: 'b' } }, cumulative: false };
const byCity: XSource = { kind: 'terms', field: field('city', 'text') };
const byMonth: XSource = { kind: 'date', field: field('when', 'datetime'), parts: ['year', 'month'], interval: 'month', timeZone: 'Europe/Paris' };

const plan = (p: Partial<AnalyzePlan> = {}): AnalyzePlan => ({ index: 'rec', query: { kind: 'term', path: 'v.kind', value: 'k' }, xs: [], series: [avgPop, count], valueFields: [], ...p });
const QUERY = { term: { 'v.kind': { value: 'k' } } };
const S_POP = { extended_stats: { field: 'v.population' } };

describe('compositeSources', () => {
  test('one source per x: the values of a field, or a date histogram at the interval in the zone', () => {
    expect(compositeSources(plan({ xs: [byCity, byMonth] }))).toStrictEqual([
      { x0: { terms: { field: 'v.city' } } },
      { x1: { date_histogram: { field: 'v.when', calendar_interval: 'month', time_zone: 'Europe/Paris' } } },
    ]);
  });

  test('a number whose index keeps its key is grouped by the key', () => {
    const byYear: XSource = { kind: 'terms', field: field('year', 'int'), keyPath: 'k.year' };
    expect(compositeSources(plan({ xs: [byYear] }))).toStrictEqual([{ x0: { terms: { field: 'k.year' } } }]);
  });

  test('then one per field read record by record, a missing value a bucket of its own', () => {
    expect(compositeSources(plan({ xs: [byMonth], valueFields: ['a', 'b'] }))).toStrictEqual([
      { x0: { date_histogram: { field: 'v.when', calendar_interval: 'month', time_zone: 'Europe/Paris' } } },
      { v0: { terms: { field: 'v.a', missing_bucket: true } } },
      { v1: { terms: { field: 'v.b', missing_bucket: true } } },
    ]);
    expect(compositeSources(plan())).toStrictEqual([]);
  });
});

describe('fieldSeriesStats and seriesAggs', () => {
  test('the extended statistics of each series over a plain field, none for the others', () => {
    expect(fieldSeriesStats([avgPop, count, maxArea, ratio])).toStrictEqual({ s_pop: S_POP, s_area: { extended_stats: { field: 'v.surface' } } });
    expect(fieldSeriesStats([count])).toStrictEqual({});
    expect(fieldSeriesStats([])).toStrictEqual({});
  });

  test('per bucket: the field series\' statistics, or nothing when fields are read record by record', () => {
    expect(seriesAggs(plan())).toStrictEqual({ s_pop: S_POP });
    expect(seriesAggs(plan({ series: [avgPop, ratio], valueFields: ['a'] }))).toStrictEqual({});
  });
});

describe('compileAnalyzeTotals', () => {
  test('no hits, the exact total, the series over every matching record', () => {
    expect(compileAnalyzeTotals(plan())).toStrictEqual({ index: 'rec', size: 0, track_total_hits: true, query: QUERY, aggs: { s_pop: S_POP } });
    expect(compileAnalyzeTotals(plan({ series: [count] }))).toStrictEqual({ index: 'rec', size: 0, track_total_hits: true, query: QUERY, aggs: {} });
  });
});

describe('compileAnalyzePage', () => {
  test('buckets are read 2,000 a page', () => {
    expect(ANALYZE_PAGE).toBe(2000);
  });

  test('the first page of the composite aggregation, each bucket with the series\' statistics', () => {
    expect(compileAnalyzePage(plan({ xs: [byCity] }), undefined)).toStrictEqual({
      index: 'rec', size: 0, query: QUERY,
      aggs: { points: { composite: { size: 2000, sources: [{ x0: { terms: { field: 'v.city' } } }] }, aggs: { s_pop: S_POP } } },
    });
  });

  test('a next page starts after the previous key; fields read record by record leave the buckets without statistics', () => {
    expect(compileAnalyzePage(plan({ xs: [byCity], series: [ratio], valueFields: ['a'] }), { x0: 'Paris', v0: 3 })).toStrictEqual({
      index: 'rec', size: 0, query: QUERY,
      aggs: {
        points: {
          composite: { size: 2000, sources: [{ x0: { terms: { field: 'v.city' } } }, { v0: { terms: { field: 'v.a', missing_bucket: true } } }], after: { x0: 'Paris', v0: 3 } },
          aggs: {},
        },
      },
    });
  });
});
