import type { Deps } from './deps';
import { sweepRetiredIndices } from './sweepRetiredIndices';

/** What `portal-search gc` did: the indices it deleted (or would delete), and why it kept the others. */
export interface GcReport {
  deleted: string[];
  kept: Array<{ index: string; reason: string }>;
}

export interface GcOptions {
  /** Report only; delete nothing. */
  dryRun?: boolean;
  /** Indices younger than this are kept: a catalog index being built has no alias yet (10 minutes). */
  minAgeMs?: number;
  now?: number;
}

type IndexInfo = { aliases?: Record<string, unknown>; settings?: { index?: { creation_date?: string } } };

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Deletes the record and catalog indices of this installation (its index prefix) that nothing
 * points to: no alias, no index version that is building, live or retired in PostgreSQL, no open
 * search context (an export reading its snapshot), and older than `minAgeMs`. Retired versions
 * are first swept as after a publish. Versions whose index it deletes are marked `deleted`.
 */
export async function collectOrphanIndices(deps: Deps, options: GcOptions = {}): Promise<GcReport> {
  const { es, pool, indexPrefix } = deps;
  const now = options.now ?? Date.now();
  const minAgeMs = options.minAgeMs ?? 600_000;
  const swept = options.dryRun ? [] : await sweepRetiredIndices(deps);
  const ours = new RegExp(`^${escape(indexPrefix)}(records-[a-z0-9][a-z0-9_-]{0,99}-v\\d+|catalog-v\\d+)$`);
  const found = await es.indices.get({ index: `${indexPrefix}records-*,${indexPrefix}catalog-v*`, expand_wildcards: 'all', ignore_unavailable: true, allow_no_indices: true }) as Record<string, IndexInfo>;
  const { rows } = await pool.query<{ index_name: string; state: string }>("SELECT index_name, state FROM index_versions WHERE state IN ('building', 'live', 'retired')");
  const versions = new Map(rows.map((r) => [r.index_name, r.state]));
  const kept: GcReport['kept'] = [];
  const orphans: string[] = [];
  for (const [index, info] of Object.entries(found).sort(([a], [b]) => a.localeCompare(b))) {
    if (!ours.test(index)) continue;
    const aliases = Object.keys(info.aliases ?? {});
    const age = now - Number(info.settings?.index?.creation_date ?? now);
    if (aliases.length > 0) kept.push({ index, reason: `alias ${aliases.join(', ')}` });
    else if (versions.has(index)) kept.push({ index, reason: `index version ${versions.get(index)}` });
    else if (age < minAgeMs) kept.push({ index, reason: 'created recently' });
    else orphans.push(index);
  }
  const deleted: string[] = [];
  for (const index of orphans) {
    if ((await openContexts(deps, index)) > 0) { kept.push({ index, reason: 'an export reads it' }); continue; }
    if (!options.dryRun) {
      await es.indices.delete({ index, ignore_unavailable: true });
      await pool.query("UPDATE index_versions SET state = 'deleted' WHERE index_name = $1", [index]);
    }
    deleted.push(index);
  }
  return { deleted: [...swept, ...deleted], kept };
}

/** Search contexts open on an index: a point-in-time an export reads holds one per shard. */
async function openContexts(deps: Deps, index: string): Promise<number> {
  const stats = await deps.es.indices.stats({ index, metric: 'search' }, { ignore: [404] }) as { indices?: Record<string, { total?: { search?: { open_contexts?: number } } }> };
  return stats.indices?.[index]?.total?.search?.open_contexts ?? 0;
}
