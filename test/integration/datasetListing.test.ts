import type { QueryResult } from 'pg';
import { catalogAlias } from '../../src/schema/indexNames';
import { datasetPages, listRecordsDatasets } from '../../src/execute/datasetStore';
import type { Deps } from '../../src/execute/deps';
import { rebuildCatalogIndex } from '../../src/execute/catalogIndex';
import { upgradeRecordIndices } from '../../src/usecases/upgradeRecordIndices';
import { ensureFixture, FIXTURE_IDS } from '../support/ingestFixture';
import { ensureParisDomain, PARIS_DOMAIN_ENTRIES } from '../support/parisCatalog';
import { openTestDeps } from '../support/testDeps';

/**
 * With a large catalog, the datasets that have records are found without reading the catalog's
 * metadata-only entries (the API's start and CKAN's `_table_metadata` list them), and the catalog
 * index is rebuilt a page of entries at a time.
 */
let deps: Deps & { close(): Promise<void> };
beforeAll(async () => {
  deps = await openTestDeps();
  for (const id of FIXTURE_IDS) await ensureFixture(deps, id);
  await ensureParisDomain(deps);
}, 300000);
afterAll(() => deps.close());

/** `deps` whose PostgreSQL queries hand every row they return to `seen`. */
function watchingRows(seen: Array<Record<string, unknown>>): Deps {
  const pool = Object.create(deps.pool) as Deps['pool'];
  pool.query = (async (...args: Parameters<Deps['pool']['query']>) => {
    const res = (await (deps.pool.query as (...a: unknown[]) => Promise<QueryResult>)(...args));
    seen.push(...(res.rows as Array<Record<string, unknown>>));
    return res;
  }) as Deps['pool']['query'];
  return { ...deps, pool };
}

/** Every dataset id, in the order PostgreSQL sorts them (its collation). */
const inIdOrder = async (): Promise<string[]> => (await deps.pool.query<{ id: string }>('SELECT id FROM datasets ORDER BY id')).rows.map((r) => r.id);

describe('the datasets that have records', () => {
  test('are listed with their access facts: every fixture, no metadata-only entry', async () => {
    const listed = await listRecordsDatasets(deps.pool);
    const ids = listed.map((d) => d.id);
    expect(FIXTURE_IDS.filter((id) => !ids.includes(id))).toEqual([]);
    expect(PARIS_DOMAIN_ENTRIES.filter((e) => ids.includes(e.id)).map((e) => e.id)).toEqual([]);
    expect(listed.filter((d) => !d.hasRecords || d.recordsCount <= 0)).toEqual([]);
    // In the database's own order of ids.
    expect(ids).toEqual((await inIdOrder()).filter((id) => ids.includes(id)));
  });

  test('the format check of the start reads no catalog metadata', async () => {
    const seen: Array<Record<string, unknown>> = [];
    await upgradeRecordIndices(watchingRows(seen));
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.filter((row) => 'metadata' in row || 'catalog_extra' in row || 'fields' in row)).toEqual([]);
  });
});

describe('every dataset, page by page', () => {
  test('each once, in id order, whatever the page size', async () => {
    const all = await inIdOrder();
    expect(all.length).toBeGreaterThan(PARIS_DOMAIN_ENTRIES.length);
    for (const size of [1, 7, all.length, all.length + 1]) {
      const pages: string[][] = [];
      for await (const page of datasetPages(deps.pool, size)) pages.push(page.map((d) => d.id));
      expect({ size, ids: pages.flat() }).toEqual({ size, ids: all });
      expect(pages.every((p) => p.length <= size)).toBe(true);
    }
  });

  test('a catalog rebuild indexes every dataset', async () => {
    const { count } = await rebuildCatalogIndex(deps);
    const { rows } = await deps.pool.query<{ n: string }>('SELECT count(*) AS n FROM datasets');
    expect(count).toBe(Number(rows[0].n));
    expect((await deps.es.count({ index: catalogAlias(deps.indexPrefix) })).count).toBe(Number(rows[0].n));
  });
});
