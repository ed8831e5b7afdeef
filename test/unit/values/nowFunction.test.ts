import { evaluateNow } from '../../../src/values/nowFunction';
import type { Argument, Span } from '../../../src/query/ast';

/** `name=value` arguments, each with its own span (its index), so that a failure can name which one. */
const named = (text: string): Argument[] =>
  text === '' ? [] : text.split(';').map((pair, i) => {
    const at = pair.indexOf('=');
    return { kind: 'named', name: pair.slice(0, at).trim(), value: pair.slice(at + 1).trim(), span: { start: i, end: i + 1 } };
  });

class NowError extends Error {
  constructor(message: string, readonly span: Span) { super(message); }
}
const fail = (message: string, span: Span): never => { throw new NowError(message, span); };
const call = (args: Argument[]) => ({ args, span: { start: 100, end: 200 } });

/** #now(args) at `now` in `zone`, as an ISO instant. Arguments are separated by `;` here. */
const at = (now: string, args: string, zone = 'UTC'): string => new Date(evaluateNow(call(named(args)), Date.parse(now), zone, fail)).toISOString();

/** The failure of #now(args), as [message, span start]. */
function failure(args: Argument[] | string, now = '2026-11-21T10:30:00Z'): [string, number] {
  try {
    evaluateNow(call(typeof args === 'string' ? named(args) : args), Date.parse(now), 'UTC', fail);
  } catch (e) {
    if (e instanceof NowError) return [e.message, e.span.start];
    throw e;
  }
  throw new Error('no failure');
}

// Saturday 21 November 2026, 10:30 UTC.
const sat = '2026-11-21T10:30:00Z';

describe('#now: relative components', () => {
  test.each([
    ['weeks=1', '2026-11-28T10:30:00.000Z'],
    ['days=-21', '2026-10-31T10:30:00.000Z'],
    ['hours=14', '2026-11-22T00:30:00.000Z'],
    ['minutes=-31', '2026-11-21T09:59:00.000Z'],
    ['seconds=3600', '2026-11-21T11:30:00.000Z'],
    ['microseconds=2000', '2026-11-21T10:30:00.002Z'],
    // 1 week + 1 day + 1 hour + 1 minute + 1 second.
    ['weeks=1;days=1;hours=1;minutes=1;seconds=1', '2026-11-29T11:31:01.000Z'],
    ['months=3', '2027-02-21T10:30:00.000Z'],
    ['years=+2;months=-11', '2027-12-21T10:30:00.000Z'],
    ['months=-23', '2024-12-21T10:30:00.000Z'],
  ])('%s', (args, iso) => {
    expect(at(sat, args)).toBe(iso);
  });

  test('argument names ignore case', () => {
    expect(at(sat, 'Days=1')).toBe('2026-11-22T10:30:00.000Z');
  });

  test('the widest relative shift is 100,000,000', () => {
    // 10^8 s = 1157 days 9 h 46 min 40 s; 21 Nov 2026 + 1157 days = 21 Jan 2030.
    expect(at(sat, 'seconds=100000000')).toBe('2030-01-21T20:16:40.000Z');
    expect(at(sat, 'seconds=-100000000')).toBe('2023-09-21T00:43:20.000Z');
  });
});

describe('#now: absolute components', () => {
  test.each([
    ['year=2000', '2000-11-21T10:30:00.000Z'],
    ['month=2', '2026-02-21T10:30:00.000Z'],
    ['day=1', '2026-11-01T10:30:00.000Z'],
    ['hour=23;minute=59;second=59', '2026-11-21T23:59:59.000Z'],
    ['microsecond=999999', '2026-11-21T10:30:00.999Z'],
    // Absolute first, then relative: January 2026 less one month is December 2025.
    ['month=1;months=-1', '2025-12-21T10:30:00.000Z'],
    // November has 30 days.
    ['day=31', '2026-11-30T10:30:00.000Z'],
    // 2028 is a leap year, 2100 is not (a century not divisible by 400).
    ['year=2028;month=2;day=31', '2028-02-29T10:30:00.000Z'],
    ['year=2100;month=2;day=29', '2100-02-28T10:30:00.000Z'],
    ['year=1;month=1;day=1;hour=0;minute=0;second=0', '0001-01-01T00:00:00.000Z'],
    ['year=9999;month=12;day=31;hour=23;minute=59;second=59;microsecond=999999', '9999-12-31T23:59:59.999Z'],
  ])('%s', (args, iso) => {
    expect(at(sat, args)).toBe(iso);
  });

  test('milliseconds of now are kept when no microsecond is given', () => {
    expect(at('2026-11-21T10:30:00.123Z', 'days=1')).toBe('2026-11-22T10:30:00.123Z');
  });

  test('before 1970, a negative instant is floored to its millisecond', () => {
    // 1960-01-01 00:00:00.000 less 1 µs is 1959-12-31 23:59:59.999999, i.e. .999 in milliseconds.
    expect(at('1960-01-01T00:00:00Z', 'microseconds=-1')).toBe('1959-12-31T23:59:59.999Z');
    expect(at('1960-01-01T00:00:00Z', 'microseconds=-1000')).toBe('1959-12-31T23:59:59.999Z');
  });
});

describe('#now: weekday', () => {
  // Monday 23 November 2026.
  const mon = '2026-11-23T08:00:00Z';
  test.each([
    ['weekday=0', '2026-11-23T08:00:00.000Z'],
    ['weekday=MO(+1)', '2026-11-23T08:00:00.000Z'],
    ['weekday=6', '2026-11-29T08:00:00.000Z'],
    ['weekday=TU', '2026-11-24T08:00:00.000Z'],
    ['weekday=TU(-1)', '2026-11-17T08:00:00.000Z'],
    ['weekday=MO(-1)', '2026-11-23T08:00:00.000Z'],
    ['weekday=MO(-2)', '2026-11-16T08:00:00.000Z'],
    ['weekday=FR(3)', '2026-12-11T08:00:00.000Z'],
    ['weekday=fr ( -3 )', '2026-11-06T08:00:00.000Z'],
    ['weekday=SU(-1)', '2026-11-22T08:00:00.000Z'],
  ])('%s from a Monday', (args, iso) => {
    expect(at(mon, args)).toBe(iso);
  });

  test('the weekday is the one of the request zone', () => {
    // 22 Nov 2026 23:30 UTC is a Sunday, but Monday 00:30 in Paris (UTC+1 in winter).
    expect(at('2026-11-22T23:30:00Z', 'weekday=MO')).toBe('2026-11-23T23:30:00.000Z');
    expect(at('2026-11-22T23:30:00Z', 'weekday=MO', 'Europe/Paris')).toBe('2026-11-22T23:30:00.000Z');
  });
});

describe('#now: time zones', () => {
  test('absolute components are wall-clock time in the zone', () => {
    // Midnight of 21 November in New York (UTC-5 in winter) is 05:00 UTC.
    expect(at(sat, 'hour=0;minute=0;second=0', 'America/New_York')).toBe('2026-11-21T05:00:00.000Z');
    // A day later across the autumn change in Paris (25 Oct 2026, 03:00 CEST → 02:00 CET): the same wall time, 25 h later.
    expect(at('2026-10-24T10:00:00Z', 'days=1', 'Europe/Paris')).toBe('2026-10-25T11:00:00.000Z');
  });

  test('a wall time in the spring gap moves forward', () => {
    // 29 March 2026 02:30 does not exist in Paris; read with the winter offset (+1): 01:30 UTC (03:30 CEST).
    expect(at('2026-03-28T12:00:00Z', 'days=1;hour=2;minute=30', 'Europe/Paris')).toBe('2026-03-29T01:30:00.000Z');
  });
});

describe('#now: refusals', () => {
  test('arguments must be named', () => {
    const args: Argument[] = [{ kind: 'named', name: 'days', value: '1', span: { start: 0, end: 1 } }, { kind: 'word', text: '7', span: { start: 5, end: 6 } }];
    expect(failure(args)).toEqual(['#now takes named arguments only, e.g. #now(days=-7)', 5]);
    expect(failure([{ kind: 'star', span: { start: 3, end: 4 } }])).toEqual(['#now takes named arguments only, e.g. #now(days=-7)', 3]);
  });

  test.each([
    ['days=1;days=2', 'argument days is given twice', 1],
    ['DAYS=1;days=2', 'argument days is given twice', 1],
    ['weekday=1;weekday=2', 'argument weekday is given twice', 1],
    ['days=1;fortnights=2', '#now has no argument "fortnights" (known: years, months, weeks, days, hours, minutes, seconds, microseconds, year, month, day, hour, minute, second, microsecond, weekday)', 1],
    ['days=1.5', 'days must be an integer, not "1.5"', 0],
    ['days=', 'days must be an integer, not ""', 0],
    ['days=1 2', 'days must be an integer, not "1 2"', 0],
    ['days=x1', 'days must be an integer, not "x1"', 0],
    ['days=1234567890123', 'days must be an integer, not "1234567890123"', 0],
    [`days=${'9'.repeat(50)}`, `days must be an integer, not "${'9'.repeat(40)}"`, 0],
    ['seconds=100000001', 'seconds must be between -100000000 and 100000000', 0],
    ['seconds=-100000001', 'seconds must be between -100000000 and 100000000', 0],
    ['month=13', 'month must be between 1 and 12', 0],
    ['month=0', 'month must be between 1 and 12', 0],
    ['year=0', 'year must be between 1 and 9999', 0],
    ['year=10000', 'year must be between 1 and 9999', 0],
    ['day=32', 'day must be between 1 and 31', 0],
    ['hour=24', 'hour must be between 0 and 23', 0],
    ['hour=-1', 'hour must be between 0 and 23', 0],
    ['minute=60', 'minute must be between 0 and 59', 0],
    ['second=60', 'second must be between 0 and 59', 0],
    ['microsecond=1000000', 'microsecond must be between 0 and 999999', 0],
    ['weekday=7', 'weekday must be 0 (Monday) to 6 (Sunday) or MO(n) … SU(n), not "7"', 0],
    ['weekday=XX', 'weekday must be 0 (Monday) to 6 (Sunday) or MO(n) … SU(n), not "XX"', 0],
    ['weekday=MON', 'weekday must be 0 (Monday) to 6 (Sunday) or MO(n) … SU(n), not "MON"', 0],
    ['weekday=MO(12345)', 'weekday must be 0 (Monday) to 6 (Sunday) or MO(n) … SU(n), not "MO(12345)"', 0],
    ['weekday=MO(1', 'weekday must be 0 (Monday) to 6 (Sunday) or MO(n) … SU(n), not "MO(1"', 0],
    ['weekday=MO(0)', 'the occurrence in a weekday cannot be 0', 0],
    ['weekday=MO(-0)', 'the occurrence in a weekday cannot be 0', 0],
  ])('%s: %s', (args, message, start) => {
    expect(failure(args)).toEqual([message, start]);
  });

  test.each([
    // 2026 - 2026 = year 0.
    ['years=-2026', sat],
    ['year=1;month=1;months=-1', sat],
    ['year=9999;month=12;months=1', sat],
    // Within 9999 by its months, past it by its days.
    ['year=9999;month=12;day=31;days=1', sat],
    ['year=1;month=1;day=1;hour=0;minute=0;second=0;microseconds=-1', sat],
  ])('%s falls outside the years 0001–9999, at the call', (args, now) => {
    expect(failure(args, now)).toEqual(['#now falls outside the years 0001–9999', 100]);
  });

  test('the last and first years are within', () => {
    expect(at(sat, 'years=-2025')).toBe('0001-11-21T10:30:00.000Z');
    expect(at(sat, 'years=7973')).toBe('9999-11-21T10:30:00.000Z');
  });
});
