import type { QuotaLimits } from '../config/config';

/** Whose calls a quota counts: an API key (by id) or an anonymous address. */
export type QuotaCaller = { kind: 'key'; keyId: number } | { kind: 'anonymous'; address: string };

/** One fixed window of a quota: the name of its counter, its limit, and when it ends (ms since the epoch). */
export interface QuotaWindow { unit: 'day' | 'second'; counter: string; limit: number; endsAt: number }

const DAY_MS = 86_400_000;

const callerName = (c: QuotaCaller): string => {
  switch (c.kind) {
    case 'key': return `key:${c.keyId}`;
    case 'anonymous': return `ip:${c.address}`;
  }
};

/**
 * The two windows a call counts in, as ODS counts them: the UTC day (reset at midnight UTC) and
 * the current second (the burst). Each counter is named after its window, so that every process
 * sharing the counters agrees on where a window starts and ends, and the clock is injected.
 */
export function quotaWindows(domain: string, caller: QuotaCaller, limits: QuotaLimits, now: number): { day: QuotaWindow; second: QuotaWindow } {
  const who = `${domain}:${callerName(caller)}`;
  const dayStart = Math.floor(now / DAY_MS) * DAY_MS;
  const second = Math.floor(now / 1000);
  return {
    day: { unit: 'day', counter: `d:${new Date(dayStart).toISOString().slice(0, 10)}:${who}`, limit: limits.perDay, endsAt: dayStart + DAY_MS },
    second: { unit: 'second', counter: `s:${second}:${who}`, limit: limits.perSecond, endsAt: (second + 1) * 1000 },
  };
}

/** The `X-RateLimit-*` headers (ODS: the daily quota; the reset as epoch seconds). */
export function rateLimitHeaders(day: QuotaWindow, used: number): Record<string, string> {
  return {
    'X-RateLimit-Limit': String(day.limit),
    'X-RateLimit-Remaining': String(Math.max(0, day.limit - used)),
    'X-RateLimit-Reset': String(Math.floor(day.endsAt / 1000)),
  };
}

/** A window's end as ODS's `reset_time` (`2026-11-22T00:00:00Z`). */
export const resetTime = (w: QuotaWindow): string => new Date(w.endsAt).toISOString().replace(/\.\d{3}Z$/, 'Z');
