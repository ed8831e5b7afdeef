import type { Pool } from 'pg';
import { RateLimiterMemory, RateLimiterPostgres } from 'rate-limiter-flexible';

/** Counters that expire: `add` counts one call and returns the count so far. */
export interface QuotaCounters {
  add(counter: string, ttlSeconds: number): Promise<number>;
  /** The count so far (0 for a counter never added to or expired). */
  get(counter: string): Promise<number>;
  close(): void;
}

/** Counts far beyond any quota: the limiter only counts, the quota policy decides. */
const UNBOUNDED = Number.MAX_SAFE_INTEGER;

type Limiter = RateLimiterMemory | RateLimiterPostgres;

const countersOf = (limiter: Limiter, close: () => void): QuotaCounters => ({
  async add(counter, ttlSeconds) {
    return (await limiter.penalty(counter, 1, { customDuration: Math.max(1, Math.ceil(ttlSeconds)) })).consumedPoints;
  },
  async get(counter) {
    return (await limiter.get(counter))?.consumedPoints ?? 0;
  },
  close,
});

/** Counters of one process (rate-limiter-flexible's memory store). */
export function memoryQuotaCounters(): QuotaCounters {
  return countersOf(new RateLimiterMemory({ points: UNBOUNDED, duration: 1 }), () => undefined);
}

/**
 * Counters in PostgreSQL (rate-limiter-flexible's store, one atomic upsert per call, in the
 * unlogged table `quota_counters` of migration 005), so that every API process on the database
 * counts into the same quota. Should PostgreSQL fail, the process counts in memory meanwhile
 * (the library's insurance limiter) rather than refuse or wave through every call. Expired
 * counters are deleted every minute.
 */
export function postgresQuotaCounters(pool: Pool): QuotaCounters {
  const limiter = new RateLimiterPostgres({
    storeClient: pool, storeType: 'pool', tableName: 'quota_counters', tableCreated: true, clearExpiredByTimeout: false,
    points: UNBOUNDED, duration: 1, insuranceLimiter: new RateLimiterMemory({ points: UNBOUNDED, duration: 1 }),
  });
  const sweeper = setInterval(() => { pool.query('DELETE FROM quota_counters WHERE expire < $1', [Date.now()]).catch(() => undefined); }, 60_000);
  sweeper.unref();
  return countersOf(limiter, () => clearInterval(sweeper));
}
