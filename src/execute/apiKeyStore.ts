import { generateApiKey, hashApiKey } from '../auth/apiKey';
import type { Queryable } from './queryable';

export interface ApiKeyRow { id: number; domain: string; label: string; createdAt: Date; revokedAt: Date | null }

/** Issues a key for a domain. The key is returned once; only its hash is stored. */
export async function createApiKey(q: Queryable, domain: string, label: string): Promise<{ id: number; key: string }> {
  const key = generateApiKey();
  const { rows } = await q.query<{ id: string }>('INSERT INTO api_keys (domain_id, key_hash, label) VALUES ($1, $2, $3) RETURNING id', [domain, hashApiKey(key), label]);
  return { id: Number(rows[0].id), key };
}

/** Revokes a key; false when there is no such live key. */
export async function revokeApiKey(q: Queryable, id: number): Promise<boolean> {
  const r = await q.query('UPDATE api_keys SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL', [id]);
  return (r.rowCount ?? 0) > 0;
}

export async function listApiKeys(q: Queryable): Promise<ApiKeyRow[]> {
  const { rows } = await q.query<{ id: string; domain_id: string; label: string; created_at: Date; revoked_at: Date | null }>(
    'SELECT id, domain_id, label, created_at, revoked_at FROM api_keys ORDER BY id');
  return rows.map((r) => ({ id: Number(r.id), domain: r.domain_id, label: r.label, createdAt: r.created_at, revokedAt: r.revoked_at }));
}

/** A live key's id and domain, looked up by its hash. */
export async function liveApiKey(q: Queryable, key: string): Promise<{ id: number; domain: string } | undefined> {
  const { rows } = await q.query<{ id: string; domain_id: string }>('SELECT id, domain_id FROM api_keys WHERE key_hash = $1 AND revoked_at IS NULL', [hashApiKey(key)]);
  return rows[0] === undefined ? undefined : { id: Number(rows[0].id), domain: rows[0].domain_id };
}

/** The domain of a live key, looked up by its hash. */
export async function domainOfApiKey(q: Queryable, key: string): Promise<string | undefined> {
  return (await liveApiKey(q, key))?.domain;
}
