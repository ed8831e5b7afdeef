import { dateFacet } from '../../../src/facets/dateFacet';
import type { FieldDef } from '../../../src/model/descriptor';
import type { FacetContext } from '../../../src/model/facetKind';

const ctx = (type: 'date' | 'datetime', timeZone = 'UTC'): FacetContext => ({
  field: { name: 'd', label: 'D', type, annotations: [{ name: 'facet' }], source: { column: 'd' } } as FieldDef,
  valuePath: 'v.d',
  timeZone,
  order: [{ _count: 'desc' }],
});

describe('dateFacet.parsePath', () => {
  test.each([
    ['2019', '2019', 1],
    ['2019/09', '2019/09', 2],
    ['2019/9', '2019/09', 2],
    ['2019/9/7', '2019/09/07', 3],
    ['  2019/12/31 ', '2019/12/31', 3],
    // 2020 is a leap year (divisible by 4, not a century).
    ['2020/2/29', '2020/02/29', 3],
  ])('%j → %s at depth %d', (raw, path, depth) => {
    expect(dateFacet.parsePath(ctx('date'), raw)).toEqual({ path, depth });
  });

  test.each([
    ['2019/02/29', '2019 is not a leap year'],
    ['1900/02/29', '1900 is a century not divisible by 400'],
    ['2019/04/31', 'April has 30 days'],
    ['2019/13', 'no 13th month'],
    ['2019/00', 'no month 0'],
    ['0000', 'the years start at 0001'],
    ['2019-09', 'facet paths use / only'],
    ['19', 'a year has four digits'],
    ['2019/123', 'a month has at most two digits'],
    ['2019/09/27/10', 'no level below the day'],
    ['2019/', 'an empty level'],
    ['', 'nothing'],
  ])('%j is not a date path (%s)', (raw) => {
    expect(dateFacet.parsePath(ctx('date'), raw)).toBeUndefined();
  });
});

describe('dateFacet.select', () => {
  test('a date field selects calendar days, whatever the zone', () => {
    expect(dateFacet.select(ctx('date', 'Europe/Paris'), { path: '2019/09', depth: 2 })).toEqual({
      kind: 'range', path: 'v.d', bounds: { gte: '2019-09-01', lt: '2019-10-01' }, format: 'strict_date',
    });
  });

  test.each([
    ['2019', '2019-01-01', '2020-01-01'],
    ['2019/12', '2019-12-01', '2020-01-01'],
    // February of a leap year ends after the 29th.
    ['2020/02', '2020-02-01', '2020-03-01'],
    ['2020/02/29', '2020-02-29', '2020-03-01'],
  ])('date %s covers [%s, %s)', (path, gte, lt) => {
    const depth = path.split('/').length;
    expect(dateFacet.select(ctx('date'), { path, depth })).toMatchObject({ bounds: { gte, lt } });
  });

  test.each([
    // Paris is UTC+1 in winter: 2019-01-01 00:00 there is 2018-12-31 23:00 UTC.
    ['2019', '2018-12-31T23:00:00.000Z', '2019-12-31T23:00:00.000Z'],
    // March 2019 starts in winter time (+1) and ends in summer time (+2, since 31 March 02:00).
    ['2019/03', '2019-02-28T23:00:00.000Z', '2019-03-31T22:00:00.000Z'],
    // The day of the spring change lasts 23 hours.
    ['2019/03/31', '2019-03-30T23:00:00.000Z', '2019-03-31T22:00:00.000Z'],
    // The day of the autumn change (27 October 2019, 03:00 → 02:00) lasts 25 hours.
    ['2019/10/27', '2019-10-26T22:00:00.000Z', '2019-10-27T23:00:00.000Z'],
  ])('datetime %s in Europe/Paris covers [%s, %s)', (path, gte, lt) => {
    expect(dateFacet.select(ctx('datetime', 'Europe/Paris'), { path, depth: path.split('/').length })).toEqual({
      kind: 'range', path: 'v.d', bounds: { gte, lt }, format: 'strict_date_optional_time',
    });
  });

  test('a path that is no date selects nothing', () => {
    expect(dateFacet.select(ctx('datetime'), { path: '2019/02/30', depth: 3 })).toEqual({ kind: 'none' });
  });
});

describe('dateFacet.level', () => {
  test.each([
    [1, 'year', 'yyyy'],
    [2, 'month', 'yyyy/MM'],
    [3, 'day', 'yyyy/MM/dd'],
  ])('depth %d of a date field: one %s a bucket, keyed %s, no time zone', (depth, unit, format) => {
    expect(dateFacet.level(ctx('date', 'Europe/Paris'), depth)).toEqual({
      date_histogram: { field: 'v.d', calendar_interval: unit, format, min_doc_count: 1 },
    });
  });

  test('a datetime field is bucketed in the request zone', () => {
    expect(dateFacet.level(ctx('datetime', 'Europe/Paris'), 2)).toEqual({
      date_histogram: { field: 'v.d', calendar_interval: 'month', format: 'yyyy/MM', min_doc_count: 1, time_zone: 'Europe/Paris' },
    });
  });

  test('three levels at most', () => {
    expect(dateFacet.maxDepth).toBe(3);
  });
});

describe('dateFacet.read and the paths', () => {
  test('buckets are read by their formatted key', () => {
    const result = { buckets: [{ key: 1567296000000, key_as_string: '2019/09', doc_count: 4 }, { key: 1569888000000, doc_count: 1 }] };
    expect(dateFacet.read(ctx('date'), result)).toEqual([{ path: '2019/09', count: 4 }, { path: '', count: 1 }]);
  });

  test('no buckets, no values', () => {
    expect(dateFacet.read(ctx('date'), {})).toEqual([]);
  });

  test.each([
    ['2019/09/27', '27'],
    ['2019/09', '09'],
    ['2019', '2019'],
  ])('the name of %s is %s', (path, name) => {
    expect(dateFacet.nameOf(ctx('date'), path)).toBe(name);
  });

  test.each([
    ['2019', '2019/09', true],
    ['2019', '2019/09/27', true],
    ['2019/09', '2019/09/27', true],
    ['2019', '2019', false],
    ['2019/09', '2019/10/01', false],
    // 201 is a prefix of 2019 as text, not as a path.
    ['201', '2019/09', false],
  ])('%s is above %s: %s', (parent, path, under) => {
    expect(dateFacet.isUnder(ctx('date'), parent, path)).toBe(under);
  });

  test.each([
    ['2019/09/27', '2019/09'],
    ['2019/09', '2019'],
    ['2019', undefined],
  ])('the parent of %s is %s', (path, parent) => {
    expect(dateFacet.parentOf(ctx('date'), path)).toBe(parent);
  });
});
