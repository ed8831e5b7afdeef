import { generateApiKey, hashApiKey } from '../auth/apiKey';
import type { KeyHolder, KeyRole } from '../auth/roles';
import type { Queryable } from './queryable';

export interface ApiKeyRow { id: number; domain: string; role: KeyRole; label: string; createdAt: Date; revokedAt: Date | null }

/** Issues a key for a domain (a read key unless `role` says otherwise). The key is returned once; only its hash is stored. */
export async function createApiKey(q: Queryable, domain: string, label: string, role: KeyRole = 'read'): Promise<{ id: number; key: string }> {
  const key = generateApiKey();
  const { rows } = await q.query<{ id: string }>(
    'INSERT INTO api_keys (domain_id, key_hash, label, role) VALUES ($1, $2, $3, $4) RETURNING id', [domain, hashApiKey(key), label, role]);
  return { id: Number(rows[0].id), key };
}

/** Revokes a key; false when there is no such live key. */
export async function revokeApiKey(q: Queryable, id: number): Promise<boolean> {
  const r = await q.query('UPDATE api_keys SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL', [id]);
  return (r.rowCount ?? 0) > 0;
}

/** Every key, or those of one domain, oldest first. */
export async function listApiKeys(q: Queryable, domain?: string): Promise<ApiKeyRow[]> {
  const { rows } = await q.query<{ id: string; domain_id: string; role: KeyRole; label: string; created_at: Date; revoked_at: Date | null }>(
    `SELECT id, domain_id, role, label, created_at, revoked_at FROM api_keys ${domain === undefined ? '' : 'WHERE domain_id = $1'} ORDER BY id`,
    domain === undefined ? [] : [domain]);
  return rows.map((r) => ({ id: Number(r.id), domain: r.domain_id, role: r.role, label: r.label, createdAt: r.created_at, revokedAt: r.revoked_at }));
}

/** A live key's id, domain and role, looked up by its hash. */
export async function liveApiKey(q: Queryable, key: string): Promise<KeyHolder | undefined> {
  const { rows } = await q.query<{ id: string; domain_id: string; role: KeyRole }>(
    'SELECT id, domain_id, role FROM api_keys WHERE key_hash = $1 AND revoked_at IS NULL', [hashApiKey(key)]);
  return rows[0] === undefined ? undefined : { id: Number(rows[0].id), domain: rows[0].domain_id, role: rows[0].role };
}

/** The domain of a live key, looked up by its hash. */
export async function domainOfApiKey(q: Queryable, key: string): Promise<string | undefined> {
  return (await liveApiKey(q, key))?.domain;
}
