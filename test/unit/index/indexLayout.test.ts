import { indexReplicas, MAX_AUTO_SHARDS, RECORDS_PER_SHARD, recordShards, withLayout } from '../../../src/index/indexLayout';

describe('index layout', () => {
  test('auto shards: one per RECORDS_PER_SHARD records, at least one, at most MAX_AUTO_SHARDS', () => {
    expect(RECORDS_PER_SHARD).toBe(5_000_000);
    expect([0, 1, 5_000_000, 5_000_001, 12_000_000, 1e9].map((n) => recordShards('auto', n))).toEqual([1, 1, 1, 2, 3, MAX_AUTO_SHARDS]);
    expect(recordShards(4, 10)).toBe(4);
  });

  test('auto replicas: 1 on a cluster of several data nodes, 0 on one node; a fixed count is kept', () => {
    expect([1, 2, 3, 7].map((n) => indexReplicas('auto', n))).toEqual([0, 1, 1, 1]);
    expect(indexReplicas(2, 1)).toBe(2);
  });

  test('the layout replaces the template counts and keeps the other settings', () => {
    const body = { settings: { number_of_shards: 1, number_of_replicas: 0, max_result_window: 10000 }, mappings: {} };
    expect(withLayout(body, { shards: 2, replicas: 1 })).toEqual({ settings: { number_of_shards: 2, number_of_replicas: 1, max_result_window: 10000 }, mappings: {} });
    expect(body.settings.number_of_shards).toBe(1);
  });
});
