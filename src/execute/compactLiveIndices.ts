import type { Client } from '@elastic/elasticsearch';
import { catalogAlias, recordsAlias } from '../schema/indexNames';
import { compactWhenPrunable } from './compactIndex';
import type { Deps } from './deps';

/** How often `serve` looks for live indices left unmerged, after the look at its start. */
export const COMPACT_SWEEP_MS = 60 * 60_000;

type SegmentStats = Record<string, { shards?: Record<string, Array<{ segments?: { count?: number } }>> }>;

/** The indices the records and catalog aliases of this prefix point to: the versions searched. */
async function liveIndices(es: Client, prefix: string): Promise<string[]> {
  // A name that matches nothing makes a 404 whose body still lists the indices of the others (and an `error`, which has no aliases).
  const found = await es.indices.getAlias({ name: [recordsAlias(prefix, '*'), catalogAlias(prefix)] }, { ignore: [404] }) as Record<string, { aliases?: object }>;
  return Object.keys(found).filter((index) => Object.keys(found[index]?.aliases ?? {}).length > 0).sort();
}

/** Of `indices`, those with a shard copy of more than one segment: loaded and never merged since, or written to since their merge. */
async function unmerged(es: Client, indices: readonly string[]): Promise<string[]> {
  if (indices.length === 0) return [];
  const stats = await es.indices.stats({ index: indices.join(','), level: 'shards', metric: 'segments', filter_path: ['indices.*.shards.*.segments.count'] });
  const byIndex = (stats.indices ?? {}) as SegmentStats;
  return indices.filter((index) => Object.values(byIndex[index]?.shards ?? {}).some((copies) => copies.some((c) => (c.segments?.count ?? 0) > 1)));
}

/**
 * Merges the live indices that a publish did not merge (compactWhenPrunable): versions loaded by
 * a CLI `ingest` that ended before Elasticsearch could prune them, versions of an older server,
 * and the catalog, which every publish writes to. Each keeps `_recovery_source`, a whole copy of
 * its documents that every read of `_source` decompresses too, until a merge drops it. One index
 * at a time, each once its retention leases allow; an index of one segment per shard is left
 * alone (a merge would not rewrite it). Resolves to the indices whose merge was asked for; a
 * failure leaves indices unmerged, which answer the same.
 */
export async function compactLiveIndices(deps: Pick<Deps, 'es' | 'indexPrefix'>, waitMs?: number, pollMs?: number): Promise<string[]> {
  const asked: string[] = [];
  for (const index of await unmerged(deps.es, await liveIndices(deps.es, deps.indexPrefix))) {
    if (await compactWhenPrunable(deps.es, index, waitMs, pollMs)) asked.push(index);
  }
  return asked;
}
