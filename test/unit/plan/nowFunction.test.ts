import { evaluateNow } from '../../../src/values/nowFunction';
import { parseQuery } from '../../../src/query/parse';

/** #now(args) evaluated at `now` in `zone`, as an ISO instant. Expected values come from python-dateutil's relativedelta. */
function at(now: string, args: string, zone = 'UTC'): string {
  const call = parseQuery(`#now(${args})`);
  if (call.kind !== 'call') throw new Error('not a call');
  const fail = (m: string): never => { throw new Error(m); };
  return new Date(evaluateNow(call, Date.parse(now), zone, fail)).toISOString();
}

describe('#now', () => {
  const sat = '2026-11-21T10:30:00Z';
  test('relative and absolute components', () => {
    expect(at(sat, '')).toBe('2026-11-21T10:30:00.000Z');
    expect(at(sat, 'years=-1, hours=-1')).toBe('2025-11-21T09:30:00.000Z');
    expect(at(sat, 'year=2001')).toBe('2001-11-21T10:30:00.000Z');
  });
  test('weekday: a number or MO(n)…SU(n), on or after (n > 0) or on or before (n < 0)', () => {
    expect(at(sat, 'weeks=-2, weekday=1')).toBe('2026-11-10T10:30:00.000Z');
    expect(at(sat, 'weekday=MO(2)')).toBe('2026-11-30T10:30:00.000Z');
    expect(at(sat, 'weekday=SU(-1)')).toBe('2026-11-15T10:30:00.000Z');
    expect(at(sat, 'weekday=5')).toBe('2026-11-21T10:30:00.000Z');
    expect(at(sat, 'weekday=su(-2)')).toBe('2026-11-08T10:30:00.000Z');
  });
  test('months clip the day to the end of the month', () => {
    const mar31 = '2024-03-31T12:00:00Z';
    expect(at(mar31, 'months=-1')).toBe('2024-02-29T12:00:00.000Z');
    expect(at(mar31, 'month=2, day=31')).toBe('2024-02-29T12:00:00.000Z');
    expect(at(mar31, 'years=1, months=-1')).toBe('2025-02-28T12:00:00.000Z');
    expect(at(mar31, 'days=-1, hours=25, microseconds=1500')).toBe('2024-03-31T13:00:00.001Z');
  });
  test('components are wall-clock time in the request zone, across a daylight-saving change', () => {
    expect(at(sat, 'hour=0, minute=0, second=0', 'Europe/Paris')).toBe('2026-11-20T23:00:00.000Z');
    expect(at('2026-03-28T12:00:00Z', 'days=1', 'Europe/Paris')).toBe('2026-03-29T11:00:00.000Z');
  });
});
