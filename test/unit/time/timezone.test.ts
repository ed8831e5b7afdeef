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

/** The offset the runtime names (`GMT+00:09:21`, `GMT-03:30`, `GMT`), read from another field than the one zoneOffsetMs reads. */
const named = new Map<string, Intl.DateTimeFormat>();
function namedOffsetMs(utcMs: number, timeZone: string): number {
  if (!named.has(timeZone)) named.set(timeZone, new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }));
  const name = named.get(timeZone)!.formatToParts(new Date(utcMs)).find((p) => p.type === 'timeZoneName')?.value ?? '';
  const m = /^GMT(?:([+-])(\d\d):(\d\d)(?::(\d\d))?)?$/.exec(name);
  if (!m) throw new Error(`unexpected offset name ${name}`);
  if (!m[1]) return 0;
  return (m[1] === '-' ? -1 : 1) * ((Number(m[2]) * 60 + Number(m[3])) * 60 + Number(m[4] ?? 0)) * 1000;
}

describe('zoneOffsetMs, kept by quarter hour', () => {
  const MINUTE = 60_000;
  // Changes on a quarter hour (Paris, 2024; Lord Howe's half-hour summer time; Kathmandu's +05:30 to +05:45 in 1986)
  // and at other instants (Paris at 1911-03-10T23:50:39Z; Monrovia's -00:44:30 until 1972; New York's local mean time until 1883).
  const around: Array<[string, string]> = [
    ['Europe/Paris', '2024-03-31T01:00:00Z'], ['Europe/Paris', '2024-10-27T01:00:00Z'], ['Europe/Paris', '1911-03-10T23:50:39Z'],
    ['Australia/Lord_Howe', '2024-04-06T15:00:00Z'], ['Asia/Kathmandu', '1985-12-31T18:30:00Z'],
    ['Africa/Monrovia', '1972-01-07T00:44:30Z'], ['America/New_York', '1883-11-18T17:00:00Z'], ['UTC', '2024-06-01T00:00:00Z'],
  ];
  test('every 7 s for an hour around changes of offset, in both orders, as the runtime names the offset', () => {
    for (const [zone, at] of around) {
      const centre = Date.parse(at);
      const instants = Array.from({ length: Math.floor((2 * 60 * MINUTE) / 7000) }, (_, i) => centre - 60 * MINUTE + i * 7000);
      for (const ms of [...instants, ...instants.reverse()]) expect([zone, iso(ms), zoneOffsetMs(ms, zone)]).toEqual([zone, iso(ms), namedOffsetMs(ms, zone)]);
    }
  });
  test('instants spread over three centuries, and the first and last of the years ISO 8601 writes with four digits', () => {
    let seed = 7;
    const next = (): number => { seed = (seed * 48271) % 2147483647; return seed / 2147483647; };
    const from = Date.parse('1850-01-01T00:00:00Z'), to = Date.parse('2100-01-01T00:00:00Z');
    for (const zone of ['Europe/Paris', 'America/St_Johns', 'Pacific/Chatham', 'Asia/Kolkata']) {
      for (let i = 0; i < 2000; i++) {
        const ms = Math.floor(from + next() * (to - from));
        expect([zone, iso(ms), zoneOffsetMs(ms, zone)]).toEqual([zone, iso(ms), namedOffsetMs(ms, zone)]);
      }
      for (const ms of [Date.parse('0001-01-01T00:00:00Z'), Date.parse('9999-12-31T23:59:59Z')]) expect(zoneOffsetMs(ms, zone)).toBe(namedOffsetMs(ms, zone));
    }
  });
});
