import type { AutoOrCount } from '../config/config';

/** The configured counts (README "Configuration"). */
export interface LayoutSettings {
  shards: AutoOrCount;
  replicas: AutoOrCount;
}

/** What a deployment that says nothing gets. */
export const AUTO_LAYOUT: LayoutSettings = { shards: 'auto', replicas: 'auto' };

/** Primary shards and replicas of one index. */
export interface IndexLayout {
  shards: number;
  replicas: number;
}

/**
 * Records per primary shard when the count is `auto`: a record takes 1 to 5 KB once indexed, so
 * a shard stays within the 10–50 GB Elasticsearch recommends. Beyond MAX_AUTO_SHARDS a dataset
 * needs a deliberate ES_SHARDS.
 */
export const RECORDS_PER_SHARD = 5_000_000;
export const MAX_AUTO_SHARDS = 16;

/** The primary shards of a record index holding `recordsCount` records. */
export function recordShards(setting: AutoOrCount, recordsCount: number): number {
  if (setting !== 'auto') return setting;
  return Math.min(MAX_AUTO_SHARDS, Math.max(1, Math.ceil(recordsCount / RECORDS_PER_SHARD)));
}

/** The replicas of an index on a cluster of `dataNodes` data nodes: `auto` is 1 when there are several, else 0. */
export function indexReplicas(setting: AutoOrCount, dataNodes: number): number {
  if (setting !== 'auto') return setting;
  return dataNodes > 1 ? 1 : 0;
}

/** An index body (mappings/*.json, or a record mapping) with the layout's shard and replica counts. */
export function withLayout<T extends { settings: object }>(body: T, layout: IndexLayout): T {
  return { ...body, settings: { ...body.settings, number_of_shards: layout.shards, number_of_replicas: layout.replicas } };
}
