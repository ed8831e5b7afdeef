import type { Client } from '@elastic/elasticsearch';
import type { Deps } from '../../src/execute/deps';
import { sweepRetiredIndices } from '../../src/execute/sweepRetiredIndices';
import { reindexDataset } from '../../src/usecases/reindexDataset';
import { recordsAlias } from '../../src/schema/indexNames';
import { ingestFixture } from '../support/ingestFixture';
import { rawCsvObjects } from '../support/rawFixtures';
import { openTestDeps } from '../support/testDeps';
import { withoutLastDocument } from '../support/bulkLines';

const ID = 'velib-emplacement-des-stations';
let deps: Deps & { close(): Promise<void> };
beforeAll(async () => { deps = await openTestDeps(); });
afterAll(() => deps.close());

const recordIds = async (): Promise<string[]> =>
  (await deps.pool.query<{ recordid: string }>('SELECT recordid FROM records WHERE dataset_id = $1 ORDER BY recordid', [ID])).rows.map((r) => r.recordid);

async function allDocuments(): Promise<Array<{ id: string; source: unknown }>> {
  const res = await deps.es.search({ index: recordsAlias(deps.indexPrefix, ID), size: 10000, sort: [{ recordid: 'asc' }] });
  return res.hits.hits.map((h) => ({ id: h._id!, source: h._source }));
}

describe('re-publishing and re-indexing', () => {
  test('re-ingest keeps every recordid and adds no duplicate', async () => {
    const expected = rawCsvObjects('velib-emplacement-des-stations.csv').length;
    await ingestFixture(deps, ID, () => new Date('2024-01-01T00:00:00Z'));
    const first = await recordIds();
    await ingestFixture(deps, ID, () => new Date('2024-02-01T00:00:00Z'));
    const second = await recordIds();
    expect(first).toHaveLength(expected);
    expect(new Set(first).size).toBe(expected);
    expect(second).toEqual(first);
    expect(first.every((id) => /^[0-9a-f]{40}$/.test(id))).toBe(true);
    expect((await deps.es.count({ index: recordsAlias(deps.indexPrefix, ID) })).count).toBe(expected);
  });

  test('the alias points at the newest version only; older versions are gone', async () => {
    const { rows } = await deps.pool.query<{ version: number; state: string; index_name: string }>(
      'SELECT version, state, index_name FROM index_versions WHERE dataset_id = $1 ORDER BY version', [ID],
    );
    const live = rows.filter((r) => r.state === 'live');
    expect(live).toHaveLength(1);
    expect(live[0].version).toBe(rows[rows.length - 1].version);
    const targets = Object.keys(await deps.es.indices.getAlias({ name: recordsAlias(deps.indexPrefix, ID) }));
    expect(targets).toEqual([live[0].index_name]);
    // The first test published twice: there is at least one older version, and none of them is left.
    const old = rows.filter((r) => r.state !== 'live');
    expect(old.length).toBeGreaterThan(0);
    expect(await Promise.all(old.map(async (r) => deps.es.indices.exists({ index: r.index_name })))).toEqual(old.map(() => false));
  });

  test('reindex from PostgreSQL gives the same documents', async () => {
    const before = await allDocuments();
    const report = await reindexDataset(deps, ID);
    const after = await allDocuments();
    expect(report.rejected).toBe(0);
    expect(after).toHaveLength(before.length);
    expect(after).toEqual(before);
  });

  test('during a reindex, searches keep answering from the previous version with every record', async () => {
    const alias = recordsAlias(deps.indexPrefix, ID);
    const expected = (await deps.es.count({ index: alias })).count;
    // Each bulk request of the new version first counts what searches see meanwhile: states of the reindex, not timings.
    const counts: number[] = [];
    const es = Object.create(deps.es) as Client;
    es.bulk = (async (...args: Parameters<Client['bulk']>) => {
      counts.push((await deps.es.count({ index: alias })).count);
      return deps.es.bulk(...args);
    }) as Client['bulk'];
    await reindexDataset({ ...deps, es }, ID);
    counts.push((await deps.es.count({ index: alias })).count);
    await reindexDataset({ ...deps, es }, ID);
    counts.push((await deps.es.count({ index: alias })).count);
    expect(counts.length).toBeGreaterThanOrEqual(4);
    expect(counts).toEqual(counts.map(() => expected));
  });

  test('a version that lost a document on the way is not swapped in; searches keep every record', async () => {
    const alias = recordsAlias(deps.indexPrefix, ID);
    const expected = rawCsvObjects('velib-emplacement-des-stations.csv').length;
    const liveBefore = Object.keys(await deps.es.indices.getAlias({ name: alias }));
    // The first bulk request reaches Elasticsearch without its last document (action and source).
    let dropped = false;
    const es = Object.create(deps.es) as Client;
    es.bulk = ((params: { operations: unknown[] }, options?: object) => {
      const operations = dropped ? params.operations : withoutLastDocument(params.operations);
      dropped = true;
      return deps.es.bulk({ ...params, operations }, options);
    }) as unknown as Client['bulk'];
    await expect(reindexDataset({ ...deps, es }, ID)).rejects.toThrow(`holds ${expected - 1} documents where ${expected} records were written`);
    expect(Object.keys(await deps.es.indices.getAlias({ name: alias }))).toEqual(liveBefore);
    expect((await deps.es.count({ index: alias })).count).toBe(expected);
    const newest = (await deps.pool.query<{ index_name: string; state: string }>(
      'SELECT index_name, state FROM index_versions WHERE dataset_id = $1 ORDER BY version DESC LIMIT 1', [ID])).rows[0];
    expect(liveBefore).not.toContain(newest.index_name);
    expect(newest.state).toBe('failed');
    expect(await deps.es.indices.exists({ index: newest.index_name })).toBe(false);
  });

  /** A client whose `indices` namespace has `name` replaced (the rest is the real client). */
  function withIndicesMethod(name: 'updateAliases' | 'stats', replace: (real: (...args: never[]) => Promise<unknown>) => (...args: never[]) => Promise<unknown>): Client {
    const indices = Object.create(deps.es.indices) as Record<string, unknown>;
    const real = (deps.es.indices[name] as (...args: never[]) => Promise<unknown>).bind(deps.es.indices);
    indices[name] = replace(real);
    const es = Object.create(deps.es) as Client;
    Object.defineProperty(es, 'indices', { value: indices });
    return es;
  }
  const newestVersion = async () => (await deps.pool.query<{ index_name: string; state: string }>(
    'SELECT index_name, state FROM index_versions WHERE dataset_id = $1 ORDER BY version DESC LIMIT 1', [ID])).rows[0];

  test('a swap that went through but whose answer was lost leaves the new version serving: it is not deleted', async () => {
    const alias = recordsAlias(deps.indexPrefix, ID);
    const expected = rawCsvObjects('velib-emplacement-des-stations.csv').length;
    const es = withIndicesMethod('updateAliases', (real) => async (...args) => { await real(...args); throw new Error('connection reset after the alias update'); });
    await expect(reindexDataset({ ...deps, es }, ID)).rejects.toThrow('connection reset after the alias update');
    const newest = await newestVersion();
    expect(Object.keys(await deps.es.indices.getAlias({ name: alias }))).toEqual([newest.index_name]);
    expect(newest.state).not.toBe('failed');
    expect((await deps.es.count({ index: alias })).count).toBe(expected);
    // Back to one live version for the next tests: a rebuild retires the rest, and this one goes by hand.
    await reindexDataset(deps, ID);
    await deps.es.indices.delete({ index: newest.index_name });
    await deps.pool.query("UPDATE index_versions SET state = 'deleted' WHERE index_name = $1", [newest.index_name]);
  });

  test('a sweep that fails leaves the rebuild done and the old version retired; the next sweep deletes it', async () => {
    const alias = recordsAlias(deps.indexPrefix, ID);
    const [before] = Object.keys(await deps.es.indices.getAlias({ name: alias }));
    const es = withIndicesMethod('stats', () => () => Promise.reject(new Error('stats unavailable')));
    const report = await reindexDataset({ ...deps, es }, ID);
    expect(Object.keys(await deps.es.indices.getAlias({ name: alias }))).toEqual([report.index]);
    const { rows } = await deps.pool.query<{ state: string }>('SELECT state FROM index_versions WHERE index_name = $1', [before]);
    expect(rows).toEqual([{ state: 'retired' }]);
    expect(await deps.es.indices.exists({ index: before })).toBe(true);
    expect(await sweepRetiredIndices(deps)).toContain(before);
    expect(await deps.es.indices.exists({ index: before })).toBe(false);
  });

  test('an index left over from an earlier database is never reused', async () => {
    const orphan = `${deps.indexPrefix}records-${ID}-v41`;
    await deps.es.indices.create({ index: orphan, settings: { number_of_replicas: 0 } });
    const report = await reindexDataset(deps, ID);
    expect(report.index).toBe(`${deps.indexPrefix}records-${ID}-v42`);
    expect((await deps.es.count({ index: recordsAlias(deps.indexPrefix, ID) })).count).toBe(rawCsvObjects('velib-emplacement-des-stations.csv').length);
    expect(await deps.es.indices.exists({ index: orphan })).toBe(true);
    await deps.es.indices.delete({ index: orphan });
  });
});
