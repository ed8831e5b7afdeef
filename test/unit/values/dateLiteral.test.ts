import { parseDateLiteral, periodEnd } from '../../../src/values/dateLiteral';

/** The offset of a literal, in seconds, or the refusal. */
const offsetOf = (text: string): number | string | undefined => {
  const r = parseDateLiteral(text);
  return r.ok ? (r.value.offsetMs === undefined ? undefined : r.value.offsetMs / 1000) : 'refused';
};

describe('parseDateLiteral: UTC offsets', () => {
  test.each([
    ['2024-06-01T12:00:00Z', 0],
    ['2024-06-01T12:00:00+02:00', 7200],
    ['2024-06-01T12:00:00+0530', 19800],
    ['2024-06-01T12:00:00-02:30', -9000],
    ['2024-06-01T12:00:00+02', 7200],
    // Seconds, as instantText writes the local mean times: Paris 0:09:21 (561 s), New York -4:56:02.
    ['1700-01-01T00:19:10+00:09:21', 561],
    ['1850-06-01T07:03:58-04:56:02', -17762],
    ['2024-06-01T12:00:00', undefined],
  ])('%s → %s s', (text, seconds) => {
    expect(offsetOf(text)).toBe(seconds);
  });

  test.each(['2024-06-01T12:00:00+15:00', '2024-06-01T12:00:00+01:75', '2024-06-01T12:00:00+00:09:75', '2024-06-01T12:00:00+0009:21', '2024-06-01T12:00:00+00:09:2'])('%s is refused', (text) => {
    expect(offsetOf(text)).toBe('refused');
  });

  test('an offset with seconds names the instant the text was written from', () => {
    const r = parseDateLiteral('1700-01-01T00:19:10+00:09:21');
    expect(r.ok && new Date(r.value.wall - r.value.offsetMs!).toISOString()).toBe('1700-01-01T00:09:49.000Z');
  });
});

/** A parsed literal as [ISO wall time, unit], or its refusal message. */
const lit = (text: string): [string, string] | string => {
  const r = parseDateLiteral(text);
  return r.ok ? [new Date(r.value.wall).toISOString(), r.value.unit] : r.message;
};

describe('parseDateLiteral: periods and datetimes', () => {
  test.each([
    ['2013', '2013-01-01T00:00:00.000Z', 'year'],
    ['0001', '0001-01-01T00:00:00.000Z', 'year'],
    ['0099', '0099-01-01T00:00:00.000Z', 'year'],
    ['2013/02', '2013-02-01T00:00:00.000Z', 'month'],
    ['2013-2', '2013-02-01T00:00:00.000Z', 'month'],
    ['2013/12', '2013-12-01T00:00:00.000Z', 'month'],
    ['2013/02/28', '2013-02-28T00:00:00.000Z', 'day'],
    ['2013-2-3', '2013-02-03T00:00:00.000Z', 'day'],
    ['2012/02/29', '2012-02-29T00:00:00.000Z', 'day'],
    ['2000/02/29', '2000-02-29T00:00:00.000Z', 'day'],
    ['0050/02/01', '0050-02-01T00:00:00.000Z', 'day'],
    ['2013-02-03T04:05', '2013-02-03T04:05:00.000Z', 'minute'],
    ['2013/02/03T23:59', '2013-02-03T23:59:00.000Z', 'minute'],
    ['2013-02-03t04:05z', '2013-02-03T04:05:00.000Z', 'minute'],
    ['2013-02-03T04:05:59', '2013-02-03T04:05:59.000Z', 'second'],
    ['2013-02-03T04:05:06.5', '2013-02-03T04:05:06.500Z', 'instant'],
    ['2013-02-03T04:05:06,25', '2013-02-03T04:05:06.250Z', 'instant'],
    // Beyond milliseconds the fraction is cut, not rounded.
    ['2013-02-03T04:05:06.123999999', '2013-02-03T04:05:06.123Z', 'instant'],
    ['2013-02-03T04:05:06.000', '2013-02-03T04:05:06.000Z', 'instant'],
  ])('%s starts at %s and covers a %s', (text, wall, unit) => {
    expect(lit(text)).toEqual([wall, unit]);
  });

  test('a period has no offset; a datetime has one only when written', () => {
    const offsetOfText = (text: string): number | undefined => { const r = parseDateLiteral(text); return r.ok ? r.value.offsetMs : Number.NaN; };
    expect(offsetOfText('2013')).toBeUndefined();
    expect(offsetOfText('2013/02/03')).toBeUndefined();
    expect(offsetOfText('2013-02-03T04:05')).toBeUndefined();
    expect(offsetOfText('2013-02-03T04:05-00:30')).toBe(-1_800_000);
    expect(offsetOfText('2013-02-03T04:05+14:00')).toBe(50_400_000);
    expect(offsetOfText('2013-02-03T04:05+01:59')).toBe(7_140_000);
  });

  test.each([
    ['0000', 'the year must be at least 0001'],
    ['0000/01', 'the year must be at least 0001'],
    ['0000-01-01T00:00', 'the year must be at least 0001'],
    ['2013/13', 'month 13 does not exist'],
    ['2013/0', 'month 0 does not exist'],
    ['2013/00/10', 'month 0 does not exist'],
    ['2013/02/29', 'day 29 does not exist in 2013/02'],
    ['1900/02/29', 'day 29 does not exist in 1900/02'],
    ['2013/4/31', 'day 31 does not exist in 2013/04'],
    ['2013/01/0', 'day 0 does not exist in 2013/01'],
    ['2013-02-03T24:00', 'the time does not exist'],
    ['2013-02-03T23:60', 'the time does not exist'],
    ['2013-02-03T23:59:60', 'the time does not exist'],
    ['2013-02-30T10:00', 'day 30 does not exist in 2013/02'],
    ['2013-02-03T04:05+14:01', '"+14:01" is not a UTC offset'],
    ['2013-02-03T04:05-01:60', '"-01:60" is not a UTC offset'],
    ['2013/02-03', '"2013/02-03" is not a date (YYYY, YYYY/MM, YYYY/MM/DD or ISO 8601)'],
    ['13', '"13" is not a date (YYYY, YYYY/MM, YYYY/MM/DD or ISO 8601)'],
    ['20130', '"20130" is not a date (YYYY, YYYY/MM, YYYY/MM/DD or ISO 8601)'],
    ['2013/123', '"2013/123" is not a date (YYYY, YYYY/MM, YYYY/MM/DD or ISO 8601)'],
    ['2013-2-3T04:05', '"2013-2-3T04:05" is not a date (YYYY, YYYY/MM, YYYY/MM/DD or ISO 8601)'],
    ['2013-02-03T4:05', '"2013-02-03T4:05" is not a date (YYYY, YYYY/MM, YYYY/MM/DD or ISO 8601)'],
    ['2013-02-03T04:05:06.', '"2013-02-03T04:05:06." is not a date (YYYY, YYYY/MM, YYYY/MM/DD or ISO 8601)'],
    ['2013-02-03T04:05:06.1234567890', '"2013-02-03T04:05:06.1234567890" is not a date (YYYY, YYYY/MM, YYYY/MM/DD or ISO 8601)'],
    [' 2013', '" 2013" is not a date (YYYY, YYYY/MM, YYYY/MM/DD or ISO 8601)'],
    [`2013${'x'.repeat(60)}`, `"2013${'x'.repeat(36)}" is not a date (YYYY, YYYY/MM, YYYY/MM/DD or ISO 8601)`],
  ])('%s is refused: %s', (text, message) => {
    expect(lit(text)).toBe(message);
  });
});

describe('periodEnd', () => {
  const end = (text: string): string => {
    const r = parseDateLiteral(text);
    if (!r.ok) throw new Error(r.message);
    return new Date(periodEnd(r.value)).toISOString();
  };
  test.each([
    ['2013', '2014-01-01T00:00:00.000Z'],
    ['2013/02', '2013-03-01T00:00:00.000Z'],
    // A leap February: 29 days.
    ['2012/02', '2012-03-01T00:00:00.000Z'],
    ['2013/12', '2014-01-01T00:00:00.000Z'],
    ['0050', '0051-01-01T00:00:00.000Z'],
    ['0099/12', '0100-01-01T00:00:00.000Z'],
    ['2013/12/31', '2014-01-01T00:00:00.000Z'],
    ['2012/02/28', '2012-02-29T00:00:00.000Z'],
    ['2013-02-03T23:59', '2013-02-04T00:00:00.000Z'],
    ['2013-02-03T04:05:59', '2013-02-03T04:06:00.000Z'],
    ['2013-02-03T04:05:06.5', '2013-02-03T04:05:06.500Z'],
  ])('%s ends at %s', (text, iso) => {
    expect(end(text)).toBe(iso);
  });
});
