import type { Pool } from 'pg';

/**
 * Runs `work` unless another process sharing the database runs work under the same `key` (a
 * PostgreSQL session advisory lock, held on one connection for the whole work): then nothing is
 * done and `skipped` says so.
 */
export async function exclusively<T>(pool: Pool, key: number, work: () => Promise<T>): Promise<{ skipped: true } | { skipped: false; result: T }> {
  const client = await pool.connect();
  try {
    const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [key]);
    if (!rows[0].locked) return { skipped: true };
    try {
      return { skipped: false, result: await work() };
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [key]).catch(() => undefined);
    }
  } finally {
    client.release();
  }
}
