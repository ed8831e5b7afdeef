import { dateParts } from '../../../src/values/dateParts';
import { DATE_PARTS } from '../../../src/model/analyze';

const all = (iso: string, zone = 'UTC'): Record<string, number> => dateParts(Date.parse(iso), DATE_PARTS, zone);

describe('dateParts', () => {
  test('every part of an instant in UTC', () => {
    // Friday 27 September 2019, 14:05; ISO week 39 (week 1 of 2019 starts Monday 31 Dec 2018; 27 Sep is day 269 after it).
    expect(all('2019-09-27T14:05:00Z')).toEqual({ year: 2019, month: 9, week: 39, weekday: 4, day: 27, hour: 14, minute: 5 });
  });

  test('only the parts asked for', () => {
    expect(dateParts(Date.parse('2019-09-27T14:05:00Z'), ['month', 'hour'], 'UTC')).toStrictEqual({ month: 9, hour: 14 });
    expect(dateParts(Date.parse('2019-09-27T14:05:00Z'), [], 'UTC')).toStrictEqual({});
  });

  test('the parts are those of the wall clock in the zone', () => {
    // 23:30 UTC on 31 Dec 2018 is 00:30 on Tuesday 1 Jan 2019 in Paris (UTC+1).
    expect(all('2018-12-31T23:30:00Z', 'Europe/Paris')).toEqual({ year: 2019, month: 1, week: 1, weekday: 1, day: 1, hour: 0, minute: 30 });
    // 03:00 UTC on 1 Jan 2019 is 22:00 on Monday 31 Dec 2018 in New York (UTC-5).
    expect(all('2019-01-01T03:00:00Z', 'America/New_York')).toEqual({ year: 2018, month: 12, week: 1, weekday: 0, day: 31, hour: 22, minute: 0 });
    // Kolkata is UTC+5:30.
    expect(dateParts(Date.parse('2019-06-30T18:45:00Z'), ['month', 'day', 'hour', 'minute'], 'Asia/Kolkata')).toEqual({ month: 7, day: 1, hour: 0, minute: 15 });
  });

  test('across the spring change in Paris the hour jumps from 2 to 3', () => {
    // 31 March 2019: 00:59 UTC is 01:59 CET, 01:00 UTC is 03:00 CEST.
    expect(dateParts(Date.parse('2019-03-31T00:59:00Z'), ['hour', 'minute'], 'Europe/Paris')).toEqual({ hour: 1, minute: 59 });
    expect(dateParts(Date.parse('2019-03-31T01:00:00Z'), ['hour', 'minute'], 'Europe/Paris')).toEqual({ hour: 3, minute: 0 });
  });

  test.each([
    // Sunday is 6, Monday 0.
    ['2019-09-29T12:00:00Z', 6],
    ['2019-09-30T12:00:00Z', 0],
    ['2019-09-28T12:00:00Z', 5],
  ])('the weekday of %s is %d', (iso, weekday) => {
    expect(dateParts(Date.parse(iso), ['weekday'], 'UTC')).toEqual({ weekday });
  });

  test.each([
    // 1 Jan 2015 is a Thursday: week 1 of 2015 starts Mon 29 Dec 2014, and 2015 has 53 weeks.
    ['2014-12-29', 1],
    ['2014-12-28', 52],
    ['2015-12-31', 53],
    ['2016-01-03', 53],
    ['2016-01-04', 1],
    // 1 Jan 2021 is a Friday: it belongs to week 53 of 2020.
    ['2020-12-31', 53],
    ['2021-01-01', 53],
    ['2021-01-03', 53],
    ['2021-01-04', 1],
    // 1 Jan 2026 is a Thursday, so week 1 starts Mon 29 Dec 2025; 2 Dec 2026 is 338 days later: week 1 + 48 = 49.
    ['2026-12-02', 49],
    // 1 Jan 2017 is a Sunday: week 52 of 2016; 2 Jan is week 1.
    ['2017-01-01', 52],
    ['2017-01-02', 1],
    // 29 Dec 2019 (a Sunday) ends week 52; Mon 30 Dec 2019 is week 1 of 2020.
    ['2019-12-29', 52],
    ['2019-12-30', 1],
  ])('the ISO week of %s is %d', (day, week) => {
    expect(dateParts(Date.parse(`${day}T23:59:00Z`), ['week'], 'UTC')).toEqual({ week });
    expect(dateParts(Date.parse(`${day}T00:00:00Z`), ['week'], 'UTC')).toEqual({ week });
  });

  test('the years 1 to 99 are not the 1900s', () => {
    // The Gregorian calendar repeats every 400 years (146,097 days, 20,871 weeks), so 2 Jan 0050 is a weekday
    // like 2 Jan 2050: a Sunday (1 Jan 2050 is a Saturday, as 1 Jan 2049 is a Friday), in week 52 of 0049.
    // 2 Jan 1950 was a Monday, in week 1.
    expect(all('0050-01-02T12:00:00Z')).toEqual({ year: 50, month: 1, week: 52, weekday: 6, day: 2, hour: 12, minute: 0 });
  });
});
