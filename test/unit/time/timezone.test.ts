import { isValidTimeZone, wallTimeToUtcMs, zoneOffsetMs } from '../../../src/time/timezone';

const iso = (ms: number): string => new Date(ms).toISOString();

describe('time zones', () => {
  test('valid and invalid IANA names', () => {
    expect(isValidTimeZone('Europe/Paris')).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
    expect(isValidTimeZone('x'.repeat(100))).toBe(false);
  });

  test('Paris offsets in winter and summer', () => {
    expect(zoneOffsetMs(Date.UTC(2024, 0, 15), 'Europe/Paris')).toBe(3600000);
    expect(zoneOffsetMs(Date.UTC(2024, 6, 15), 'Europe/Paris')).toBe(7200000);
  });

  test('wall times around the 2024 changes in Paris', () => {
    expect(iso(wallTimeToUtcMs(Date.UTC(2024, 2, 31, 1, 30), 'Europe/Paris'))).toBe('2024-03-31T00:30:00.000Z');
    expect(iso(wallTimeToUtcMs(Date.UTC(2024, 2, 31, 2, 30), 'Europe/Paris'))).toBe('2024-03-31T01:30:00.000Z'); // gap
    expect(iso(wallTimeToUtcMs(Date.UTC(2024, 2, 31, 3, 30), 'Europe/Paris'))).toBe('2024-03-31T01:30:00.000Z');
    expect(iso(wallTimeToUtcMs(Date.UTC(2024, 9, 27, 2, 30), 'Europe/Paris'))).toBe('2024-10-27T00:30:00.000Z'); // overlap: first
    expect(iso(wallTimeToUtcMs(Date.UTC(2024, 9, 27, 3, 30), 'Europe/Paris'))).toBe('2024-10-27T02:30:00.000Z');
    expect(iso(wallTimeToUtcMs(Date.UTC(2024, 5, 1, 12, 0), 'UTC'))).toBe('2024-06-01T12:00:00.000Z');
  });

  test('the years 1 to 99 are not read as 1901 to 1999', () => {
    expect(zoneOffsetMs(Date.parse('0050-06-01T00:00:00Z'), 'UTC')).toBe(0);
    // Before 1911 Paris kept its local mean time, 0:09:21 ahead of Greenwich.
    expect(zoneOffsetMs(Date.parse('0050-06-01T00:00:00Z'), 'Europe/Paris')).toBe(561000);
    expect(iso(wallTimeToUtcMs(Date.parse('0001-01-01T00:00:00Z'), 'UTC'))).toBe('0001-01-01T00:00:00.000Z');
  });
});
