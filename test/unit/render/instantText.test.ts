import { instantText } from '../../../src/render/instantText';

describe('instantText', () => {
  test('UTC: the instant with +00:00', () => {
    expect(instantText('2019-06-21T08:00:00Z', 'UTC')).toBe('2019-06-21T08:00:00+00:00');
  });

  test('Paris in summer (+02:00) and in winter (+01:00)', () => {
    expect(instantText('2019-06-21T08:00:00Z', 'Europe/Paris')).toBe('2019-06-21T10:00:00+02:00');
    expect(instantText('2019-12-21T08:00:00Z', 'Europe/Paris')).toBe('2019-12-21T09:00:00+01:00');
  });

  test('across the spring change: Paris moves from +01:00 to +02:00 at 01:00 UTC on 29 March 2026', () => {
    // The last second before the change is 01:59:59 local; the change itself reads 03:00.
    expect(instantText('2026-03-29T00:59:59Z', 'Europe/Paris')).toBe('2026-03-29T01:59:59+01:00');
    expect(instantText('2026-03-29T01:00:00Z', 'Europe/Paris')).toBe('2026-03-29T03:00:00+02:00');
    expect(instantText('2026-03-29T00:45:00Z', 'Europe/Paris')).toBe('2026-03-29T01:45:00+01:00');
    expect(instantText('2026-03-29T01:14:59Z', 'Europe/Paris')).toBe('2026-03-29T03:14:59+02:00');
  });

  test('across the autumn change: 02:30 local happens twice, told apart by the offset', () => {
    // 25 October 2026: Paris goes back from +02:00 to +01:00 at 01:00 UTC.
    expect(instantText('2026-10-25T00:30:00Z', 'Europe/Paris')).toBe('2026-10-25T02:30:00+02:00');
    expect(instantText('2026-10-25T01:30:00Z', 'Europe/Paris')).toBe('2026-10-25T02:30:00+01:00');
  });

  test('negative and half-hour offsets: St John\'s is 3:30 behind UTC in winter, Kathmandu 5:45 ahead', () => {
    expect(instantText('2026-01-15T12:00:00Z', 'America/St_Johns')).toBe('2026-01-15T08:30:00-03:30');
    expect(instantText('2026-01-15T12:00:00Z', 'Asia/Kathmandu')).toBe('2026-01-15T17:45:00+05:45');
    // Crossing midnight backwards: the date changes too.
    expect(instantText('2026-01-01T01:00:00Z', 'America/New_York')).toBe('2025-12-31T20:00:00-05:00');
    expect(instantText('2026-07-01T01:00:00Z', 'Pacific/Honolulu')).toBe('2026-06-30T15:00:00-10:00');
  });

  test('milliseconds are kept, padded to three digits; none means no fraction', () => {
    expect(instantText('2019-06-21T08:00:00.250Z', 'UTC')).toBe('2019-06-21T08:00:00.250+00:00');
    expect(instantText('2019-06-21T08:00:00.005Z', 'UTC')).toBe('2019-06-21T08:00:00.005+00:00');
    expect(instantText('2019-06-21T08:00:00.000Z', 'UTC')).toBe('2019-06-21T08:00:00+00:00');
  });

  test('every part padded: a year below 1000, one-digit months, days, hours, minutes and seconds', () => {
    expect(instantText('0999-02-03T04:05:06Z', 'UTC')).toBe('0999-02-03T04:05:06+00:00');
  });

  test('an input that is not an instant is given back as it is', () => {
    expect(instantText('not a date', 'Europe/Paris')).toBe('not a date');
    expect(instantText('', 'UTC')).toBe('');
  });

  test('an offset with seconds keeps them: Paris mean time, +00:09:21, before 1911', () => {
    expect(instantText('1900-01-01T00:00:00Z', 'Europe/Paris')).toBe('1900-01-01T00:09:21+00:09:21');
  });

  test('a change inside a quarter hour: Paris left its mean time at midnight local on 11 March 1911 (23:50:39 UTC)', () => {
    // Both instants lie in the quarter hour 23:45–00:00 UTC, on either side of the change.
    expect(instantText('1911-03-10T23:50:00Z', 'Europe/Paris')).toBe('1911-03-10T23:59:21+00:09:21');
    expect(instantText('1911-03-10T23:55:00Z', 'Europe/Paris')).toBe('1911-03-10T23:55:00+00:00');
    // Asked again in the other order, the same answers (nothing remembered for that quarter).
    expect(instantText('1911-03-10T23:55:00Z', 'Europe/Paris')).toBe('1911-03-10T23:55:00+00:00');
    expect(instantText('1911-03-10T23:50:00Z', 'Europe/Paris')).toBe('1911-03-10T23:59:21+00:09:21');
  });

  test('a change inside a quarter hour to the offset the zone still has: Berlin left its mean time (+00:53:28) for CET on 1 April 1893 (23:06:32 UTC)', () => {
    expect(instantText('1893-03-31T23:05:00Z', 'Europe/Berlin')).toBe('1893-03-31T23:58:28+00:53:28');
    expect(instantText('1893-03-31T23:10:00Z', 'Europe/Berlin')).toBe('1893-04-01T00:10:00+01:00');
  });

  test('the same quarter hour in two zones is not confused', () => {
    expect(instantText('2026-01-15T12:07:00Z', 'Europe/Paris')).toBe('2026-01-15T13:07:00+01:00');
    expect(instantText('2026-01-15T12:07:00Z', 'Asia/Tokyo')).toBe('2026-01-15T21:07:00+09:00');
  });
});

describe('instantText: an offset change inside a quarter hour', () => {
  // tzdata (europe): Paris kept Paris Mean Time, +0:09:21, until 1911 Mar 11 0:00 local, that is
  // 1911-03-10T23:50:39Z, then UTC (+00:00). The quarter hour 23:45–00:00 UTC holds the change.
  test('each instant of that quarter hour takes its own offset, whichever is asked first', () => {
    expect(instantText('1911-03-10T23:55:00Z', 'Europe/Paris')).toBe('1911-03-10T23:55:00+00:00');
    expect(instantText('1911-03-10T23:46:00Z', 'Europe/Paris')).toBe('1911-03-10T23:55:21+00:09:21');
    expect(instantText('1911-03-10T23:50:38Z', 'Europe/Paris')).toBe('1911-03-10T23:59:59+00:09:21');
    expect(instantText('1911-03-10T23:50:39Z', 'Europe/Paris')).toBe('1911-03-10T23:50:39+00:00');
  });
});
