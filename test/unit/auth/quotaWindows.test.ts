import { quotaWindows, rateLimitHeaders, resetTime } from '../../../src/auth/quotaWindows';

describe('quota windows', () => {
  const now = Date.parse('2026-11-21T23:59:59.500Z');
  const limits = { perDay: 10, perSecond: 3 };

  test('the UTC day and the current second, named per domain and caller', () => {
    const { day, second } = quotaWindows('paris', { kind: 'anonymous', address: '::1' }, limits, now);
    expect(day).toEqual({ unit: 'day', counter: 'd:2026-11-21:paris:ip:::1', limit: 10, endsAt: Date.parse('2026-11-22T00:00:00Z') });
    expect(second).toEqual({ unit: 'second', counter: `s:${Math.floor(now / 1000)}:paris:ip:::1`, limit: 3, endsAt: Date.parse('2026-11-22T00:00:00Z') });
    expect(quotaWindows('paris', { kind: 'key', keyId: 7 }, limits, now).day.counter).toBe('d:2026-11-21:paris:key:7');
    expect(quotaWindows('paris', { kind: 'key', keyId: 7 }, limits, now + 1000).day.counter).toBe('d:2026-11-22:paris:key:7');
  });

  test('headers: the day\'s limit, what is left (never negative), the reset in epoch seconds; reset_time as ODS writes it', () => {
    const { day } = quotaWindows('paris', { kind: 'key', keyId: 7 }, limits, now);
    expect(rateLimitHeaders(day, 4)).toEqual({ 'X-RateLimit-Limit': '10', 'X-RateLimit-Remaining': '6', 'X-RateLimit-Reset': String(Date.UTC(2026, 10, 22) / 1000) });
    expect(rateLimitHeaders(day, 12)['X-RateLimit-Remaining']).toBe('0');
    expect(resetTime(day)).toBe('2026-11-22T00:00:00Z');
  });
});
