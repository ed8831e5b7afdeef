import { instantInterval, numberInterval, temporalFormat, temporalInterval } from '../../../src/values/typedValue';
import { parseDateLiteral } from '../../../src/values/dateLiteral';

const literal = (text: string) => {
  const r = parseDateLiteral(text);
  if (!r.ok) throw new Error(r.message);
  return r.value;
};

describe('numberInterval', () => {
  test.each([
    ['42', 'int', 42],
    [' -7 ', 'int', -7],
    ['4.5', 'double', 4.5],
    ['.5', 'double', 0.5],
    ['1e3', 'int', 1000],
    ['9007199254740991', 'int', 9007199254740991],
    ['-9007199254740991', 'int', -9007199254740991],
    // A double may be past 2^53; it is the nearest double.
    ['9007199254740993', 'double', 9007199254740992],
  ] as const)('%j on %s is the point %d', (text, type, n) => {
    expect(numberInterval(text, type)).toEqual({ ok: true, value: { from: n, to: n, toInclusive: true } });
  });

  test.each([
    ['abc', 'double', '"abc" is not a number'],
    ['', 'double', '"" is not a number'],
    ['0x1F', 'int', '"0x1F" is not a number'],
    ['1e999', 'double', '"1e999" is not a number'],
    ['Infinity', 'double', '"Infinity" is not a number'],
    [`1${'2'.repeat(50)}x`, 'double', `"1${'2'.repeat(39)}" is not a number`],
    // 2^53 = 9007199254740992 is one past the largest safe integer.
    ['9007199254740992', 'int', '9007199254740992 is out of the range of integers'],
    [' -9007199254740992 ', 'int', '-9007199254740992 is out of the range of integers'],
  ] as const)('%j on %s is refused: %s', (text, type, message) => {
    expect(numberInterval(text, type)).toEqual({ ok: false, message });
  });
});

describe('temporalInterval on a date field', () => {
  test.each([
    ['2013', '2013-01-01', '2014-01-01'],
    ['2012/02', '2012-02-01', '2012-03-01'],
    ['2013/12/31', '2013-12-31', '2014-01-01'],
  ])('the period %s is calendar days [%s, %s), in any zone', (text, from, to) => {
    expect(temporalInterval(literal(text), 'date', 'Pacific/Kiritimati')).toEqual({ from, to, toInclusive: false });
  });

  test('a time of day selects its day in the zone', () => {
    // 01:30 in Paris is the same day there.
    expect(temporalInterval(literal('2019-03-31T01:30'), 'date', 'Europe/Paris')).toEqual({ from: '2019-03-31', to: '2019-04-01', toInclusive: false });
    expect(temporalInterval(literal('2019-03-31T23:59:59'), 'date', 'UTC')).toEqual({ from: '2019-03-31', to: '2019-04-01', toInclusive: false });
  });

  test('a time with an offset selects the day of that instant in the zone', () => {
    // 23:30 UTC on 30 June is 01:30 on 1 July in Paris (UTC+2 in summer).
    expect(temporalInterval(literal('2019-06-30T23:30:00Z'), 'date', 'Europe/Paris')).toEqual({ from: '2019-07-01', to: '2019-07-02', toInclusive: false });
    expect(temporalInterval(literal('2019-06-30T23:30:00Z'), 'date', 'UTC')).toEqual({ from: '2019-06-30', to: '2019-07-01', toInclusive: false });
    // 01:30 at UTC+05:00 is 20:30 UTC the day before.
    expect(temporalInterval(literal('2019-07-01T01:30:00.250+05:00'), 'date', 'UTC')).toEqual({ from: '2019-06-30', to: '2019-07-01', toInclusive: false });
  });

  test('before 1970 too', () => {
    expect(temporalInterval(literal('1969-12-31T12:00'), 'date', 'UTC')).toEqual({ from: '1969-12-31', to: '1970-01-01', toInclusive: false });
  });
});

describe('temporalInterval on a datetime field', () => {
  test.each([
    // Paris is UTC+1 in winter.
    ['2019', 'Europe/Paris', '2018-12-31T23:00:00.000Z', '2019-12-31T23:00:00.000Z'],
    // 31 March 2019 in Paris lasts 23 hours (02:00 CET → 03:00 CEST).
    ['2019/03/31', 'Europe/Paris', '2019-03-30T23:00:00.000Z', '2019-03-31T22:00:00.000Z'],
    ['2019/10/27', 'Europe/Paris', '2019-10-26T22:00:00.000Z', '2019-10-27T23:00:00.000Z'],
    // 02:30 on 31 March 2019 does not exist in Paris: read with the winter offset, 01:30 UTC.
    ['2019-03-31T02:30', 'Europe/Paris', '2019-03-31T01:30:00.000Z', '2019-03-31T01:31:00.000Z'],
    // 02:30 on 27 October 2019 happens twice in Paris: the first (summer time, +2) wins.
    ['2019-10-27T02:30:10', 'Europe/Paris', '2019-10-27T00:30:10.000Z', '2019-10-27T00:30:11.000Z'],
    // An offset overrides the zone.
    ['2019-06-01T12:00-03:00', 'Europe/Paris', '2019-06-01T15:00:00.000Z', '2019-06-01T15:01:00.000Z'],
  ])('%s in %s covers [%s, %s)', (text, zone, from, to) => {
    expect(temporalInterval(literal(text), 'datetime', zone)).toEqual({ from, to, toInclusive: false });
  });

  test('an instant is a single point', () => {
    expect(temporalInterval(literal('2019-06-01T12:00:00.5+02:00'), 'datetime', 'UTC')).toEqual({
      from: '2019-06-01T10:00:00.500Z', to: '2019-06-01T10:00:00.500Z', toInclusive: true,
    });
    expect(temporalInterval(literal('2019-06-01T12:00:00.5'), 'datetime', 'Europe/Paris')).toEqual({
      from: '2019-06-01T10:00:00.500Z', to: '2019-06-01T10:00:00.500Z', toInclusive: true,
    });
  });
});

describe('instantInterval', () => {
  const instant = Date.parse('2019-06-30T23:30:00Z');
  test('on a date field, the day of the instant in the zone', () => {
    expect(instantInterval(instant, 'date', 'Europe/Paris')).toEqual({ from: '2019-07-01', to: '2019-07-02', toInclusive: false });
    expect(instantInterval(instant, 'date', 'America/New_York')).toEqual({ from: '2019-06-30', to: '2019-07-01', toInclusive: false });
  });
  test('on a datetime field, the instant itself', () => {
    expect(instantInterval(instant, 'datetime', 'Europe/Paris')).toEqual({ from: '2019-06-30T23:30:00.000Z', to: '2019-06-30T23:30:00.000Z', toInclusive: true });
  });
});

describe('temporalFormat', () => {
  test('dates, datetimes, and nothing else', () => {
    expect(temporalFormat('date')).toBe('strict_date');
    expect(temporalFormat('datetime')).toBe('strict_date_optional_time');
    expect(temporalFormat('int')).toBeUndefined();
    expect(temporalFormat('text')).toBeUndefined();
  });
});
