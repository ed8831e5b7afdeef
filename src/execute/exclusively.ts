import { createHash } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';

/**
 * Runs `work` unless another process sharing the database runs work under the same `key` (a
 * PostgreSQL session advisory lock, held on one connection for the whole work, which `work` is
 * given to use): then nothing is done and `skipped` says so.
 */
export async function exclusively<T>(
  pool: Pool, key: number | bigint, work: (client: PoolClient) => Promise<T>,
): Promise<{ skipped: true } | { skipped: false; result: T }> {
  const client = await pool.connect();
  try {
    const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1::bigint) AS locked', [String(key)]);
    if (!rows[0].locked) return { skipped: true };
    try {
      return { skipped: false, result: await work(client) };
    } finally {
      await client.query('SELECT pg_advisory_unlock($1::bigint)', [String(key)]).catch(() => undefined);
    }
  } finally {
    client.release();
  }
}

/** The advisory lock key of the publishes of one dataset: 64 bits of a hash of its id (no other lock of ours hashes ids). */
export function publishLockKey(datasetId: string): bigint {
  return createHash('sha256').update(`portal-search:publish:${datasetId}`).digest().readBigInt64BE(0);
}
