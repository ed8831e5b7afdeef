import request from 'supertest';
import catalogTemplate from '../../../mappings/catalog.json';
import type { Deps } from '../../../src/execute/deps';
import { ensureCatalogIndex } from '../../../src/execute/catalogIndex';
import { testApp } from '../../support/recordsApp';
import { openTestDeps } from '../../support/testDeps';
import { publishTinyCsv } from '../../support/tinyDataset';

let deps: Deps & { close(): Promise<void> };
beforeAll(async () => { deps = await openTestDeps(); }, 600000);
afterAll(() => deps.close());

test('a fresh installation gets its catalog index on start: catalog searches answer instead of failing', async () => {
  // Another index prefix under this run's own: an installation whose catalog index was never built (globalSetup drops <prefix>*).
  const fresh = { ...deps, indexPrefix: `${deps.indexPrefix}fresh-` };
  const app = testApp(fresh);
  expect(await ensureCatalogIndex(fresh)).toBe(true);
  expect(await ensureCatalogIndex(fresh)).toBe(false);
  const { rows } = await deps.pool.query<{ n: string }>("SELECT count(*) AS n FROM datasets WHERE visibility = 'public' AND state = 'published'");
  const after = await request(app).get('/api/datasets/1.0/search?rows=0');
  expect([after.status, after.body.nhits]).toEqual([200, Number(rows[0].n)]);
  const ckan = await request(app).get('/api/3/action/package_search?rows=0');
  expect([ckan.status, ckan.body.result.count]).toEqual([200, Number(rows[0].n)]);
});

test('a catalog index built in an older format is rebuilt, not written to (its strict mapping would refuse new documents)', async () => {
  const old = { ...deps, indexPrefix: `${deps.indexPrefix}old-` };
  // What an earlier version built: no _meta, and a mapping without the CKAN slugs.
  const properties = Object.fromEntries(Object.entries(catalogTemplate.mappings.properties).filter(([name]) => name !== 'organization' && name !== 'groups'));
  const body = { settings: catalogTemplate.settings, mappings: { ...catalogTemplate.mappings, properties }, aliases: { [`${old.indexPrefix}catalog`]: {} } };
  await deps.es.indices.create({ index: `${old.indexPrefix}catalog-v1`, ...(body as object) });
  await publishTinyCsv(deps, 'fresh-catalog-entry', [{ name: 'nom', type: 'text' }], [['a']], { metadata: { publisher: 'Ville de Paris' } });
  await expect(old.es.index({ index: `${old.indexPrefix}catalog`, id: 'x', document: { datasetid: 'x', organization: 'ville-de-paris' } })).rejects.toThrow(/strict_dynamic_mapping_exception/);
  expect(await ensureCatalogIndex(old)).toBe(true);
  expect(await ensureCatalogIndex(old)).toBe(false);
  const found = await request(testApp(old)).get('/api/3/action/package_search?fq=organization:ville-de-paris&q=name:fresh-catalog-entry');
  expect([found.status, found.body.result.count]).toEqual([200, 1]);
  expect((await deps.es.indices.exists({ index: `${old.indexPrefix}catalog-v1` }))).toBe(false);
});
