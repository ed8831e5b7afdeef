import { AppError } from '../../../src/errors/catalogue';
import type { FieldDef, FieldType } from '../../../src/model/descriptor';
import { planDatetime, temporalField } from '../../../src/plan/planDatetime';

const field = (name: string, type: FieldType): FieldDef => ({ name, label: name, type, annotations: [], source: { column: name } });

const title = field('title', 'text');
const count = field('count', 'int');
const opened = field('opened', 'datetime');
const day = field('day', 'date');

/** The range planDatetime makes on `v.opened`, the first temporal field of `schema`. */
const onOpened = (bounds: object): object => ({ kind: 'range', path: 'v.opened', bounds, format: 'strict_date_optional_time' });
const schema = [title, count, opened, day];

describe('temporalField', () => {
  test('the first date or datetime field, in schema order', () => {
    expect(temporalField(schema)).toBe(opened);
    expect(temporalField([title, day, opened])).toBe(day);
  });

  test('none among text, numbers and geo fields', () => {
    expect(temporalField([title, count, field('geo', 'geo_point_2d')])).toBeUndefined();
    expect(temporalField([])).toBeUndefined();
  });
});

describe('planDatetime', () => {
  test('an instant (start = end) is that instant, both ends included', () => {
    const at = '2019-06-21T10:00:00.000Z';
    expect(planDatetime(schema, { start: at, end: at })).toEqual(onOpened({ gte: at, lte: at }));
  });

  test('a date as an instant covers its whole UTC day: from its midnight to the next one, excluded', () => {
    expect(planDatetime(schema, { start: '2019-06-21', end: '2019-06-21' })).toEqual(onOpened({ gte: '2019-06-21T00:00:00.000Z', lt: '2019-06-22T00:00:00.000Z' }));
  });

  test('the day after a date crosses months, years and 29 February', () => {
    expect(planDatetime(schema, { end: '2019-06-30' })).toEqual(onOpened({ lt: '2019-07-01T00:00:00.000Z' }));
    expect(planDatetime(schema, { end: '2019-12-31' })).toEqual(onOpened({ lt: '2020-01-01T00:00:00.000Z' }));
    // 2020 is a leap year: 28 February is followed by 29 February.
    expect(planDatetime(schema, { end: '2020-02-28' })).toEqual(onOpened({ lt: '2020-02-29T00:00:00.000Z' }));
    // 2019 is not: 28 February is followed by 1 March.
    expect(planDatetime(schema, { end: '2019-02-28' })).toEqual(onOpened({ lt: '2019-03-01T00:00:00.000Z' }));
  });

  test('open ends: only the bound that is given', () => {
    expect(planDatetime(schema, { start: '2019-06-21' })).toEqual(onOpened({ gte: '2019-06-21T00:00:00.000Z' }));
    expect(planDatetime(schema, { start: '2019-06-21T10:00:00.000Z' })).toEqual(onOpened({ gte: '2019-06-21T10:00:00.000Z' }));
    expect(planDatetime(schema, { end: '2019-06-21T10:00:00.000Z' })).toEqual(onOpened({ lte: '2019-06-21T10:00:00.000Z' }));
  });

  test('a date start and an instant end, and the other way round', () => {
    expect(planDatetime(schema, { start: '2019-01-01', end: '2019-06-21T10:00:00.000Z' })).toEqual(onOpened({ gte: '2019-01-01T00:00:00.000Z', lte: '2019-06-21T10:00:00.000Z' }));
    expect(planDatetime(schema, { start: '2019-01-01T08:30:00.000Z', end: '2019-01-31' })).toEqual(onOpened({ gte: '2019-01-01T08:30:00.000Z', lt: '2019-02-01T00:00:00.000Z' }));
  });

  test('only exactly YYYY-MM-DD is a whole day: an instant at midnight stays an instant', () => {
    expect(planDatetime(schema, { end: '2019-06-21T00:00:00.000Z' })).toEqual(onOpened({ lte: '2019-06-21T00:00:00.000Z' }));
    // A five-digit year ends like a date but is none: it is passed on as it is.
    expect(planDatetime(schema, { start: '12019-06-21' })).toEqual(onOpened({ gte: '12019-06-21' }));
  });

  test('an interval open at both ends filters nothing', () => {
    expect(planDatetime(schema, {})).toEqual({ kind: 'all' });
  });

  test('a date field is filtered the same way, on its own path', () => {
    expect(planDatetime([title, day, opened], { start: '2019-06-21', end: '2019-06-21' })).toEqual({
      kind: 'range', path: 'v.day', bounds: { gte: '2019-06-21T00:00:00.000Z', lt: '2019-06-22T00:00:00.000Z' }, format: 'strict_date_optional_time',
    });
  });

  test('a collection without a date field is a 400 naming datetime, even for an open interval', () => {
    for (const interval of [{ start: '2019-06-21' }, {}]) {
      let caught: unknown;
      try { planDatetime([title, count], interval); } catch (err) { caught = err; }
      expect(caught).toBeInstanceOf(AppError);
      const e = caught as AppError;
      expect([e.code, e.details, e.message]).toEqual(['bad_parameter', { parameter: 'datetime' }, 'This collection has no temporal property: datetime cannot be used on it.']);
    }
  });
});
