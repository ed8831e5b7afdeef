import { AUTO_LAYOUT, IndexLayout, indexReplicas, recordShards } from '../index/indexLayout';
import type { Deps } from './deps';

/**
 * The layout of a new index holding `recordsCount` documents: shards by size, replicas by the
 * number of data nodes the cluster has now (asked only when the replica count is `auto`).
 */
export async function indexLayoutFor(deps: Pick<Deps, 'es' | 'layout'>, recordsCount: number): Promise<IndexLayout> {
  const settings = deps.layout ?? AUTO_LAYOUT;
  const dataNodes = settings.replicas === 'auto' ? (await deps.es.cluster.health()).number_of_data_nodes : 0;
  return { shards: recordShards(settings.shards, recordsCount), replicas: indexReplicas(settings.replicas, dataNodes) };
}
