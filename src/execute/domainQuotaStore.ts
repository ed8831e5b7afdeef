import type { Queryable } from './queryable';

/** A domain's own quotas; an undefined value takes the configured default. */
export interface DomainQuotaRow {
  domain: string;
  anonymousPerDay?: number;
  anonymousPerSecond?: number;
  keyPerDay?: number;
  keyPerSecond?: number;
}

type Row = { domain_id: string; anonymous_per_day: number | null; anonymous_per_second: number | null; key_per_day: number | null; key_per_second: number | null };

const fromRow = (r: Row): DomainQuotaRow => ({
  domain: r.domain_id,
  ...(r.anonymous_per_day !== null ? { anonymousPerDay: r.anonymous_per_day } : {}),
  ...(r.anonymous_per_second !== null ? { anonymousPerSecond: r.anonymous_per_second } : {}),
  ...(r.key_per_day !== null ? { keyPerDay: r.key_per_day } : {}),
  ...(r.key_per_second !== null ? { keyPerSecond: r.key_per_second } : {}),
});

/** The quotas a domain sets for itself (undefined when it sets none). */
export async function domainQuota(q: Queryable, domain: string): Promise<DomainQuotaRow | undefined> {
  const { rows } = await q.query<Row>('SELECT * FROM domain_quotas WHERE domain_id = $1', [domain]);
  return rows[0] === undefined ? undefined : fromRow(rows[0]);
}

export async function listDomainQuotas(q: Queryable): Promise<DomainQuotaRow[]> {
  const { rows } = await q.query<Row>('SELECT * FROM domain_quotas ORDER BY domain_id');
  return rows.map(fromRow);
}

/** Sets some of a domain's quotas (the others keep their value); false when there is no such domain. */
export async function setDomainQuota(q: Queryable, row: DomainQuotaRow): Promise<boolean> {
  const exists = await q.query('SELECT 1 FROM domains WHERE id = $1', [row.domain]);
  if ((exists.rowCount ?? 0) === 0) return false;
  await q.query(
    `INSERT INTO domain_quotas (domain_id, anonymous_per_day, anonymous_per_second, key_per_day, key_per_second) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (domain_id) DO UPDATE SET
       anonymous_per_day = COALESCE($2, domain_quotas.anonymous_per_day), anonymous_per_second = COALESCE($3, domain_quotas.anonymous_per_second),
       key_per_day = COALESCE($4, domain_quotas.key_per_day), key_per_second = COALESCE($5, domain_quotas.key_per_second), updated_at = now()`,
    [row.domain, row.anonymousPerDay ?? null, row.anonymousPerSecond ?? null, row.keyPerDay ?? null, row.keyPerSecond ?? null],
  );
  return true;
}

/** Puts a domain back on the configured defaults; false when it set no quota. */
export async function clearDomainQuota(q: Queryable, domain: string): Promise<boolean> {
  const r = await q.query('DELETE FROM domain_quotas WHERE domain_id = $1', [domain]);
  return (r.rowCount ?? 0) > 0;
}
