import request from 'supertest';
import type { Deps } from '../../../src/execute/deps';
import { ensureCatalogIndex } from '../../../src/execute/catalogIndex';
import { testApp } from '../../support/recordsApp';
import { openTestDeps } from '../../support/testDeps';

let deps: Deps & { close(): Promise<void> };
beforeAll(async () => { deps = await openTestDeps(); }, 600000);
afterAll(() => deps.close());

test('a fresh installation gets its catalog index on start: catalog searches answer instead of failing', async () => {
  // Another index prefix: an installation whose catalog index was never built (globalSetup drops test-*).
  const fresh = { ...deps, indexPrefix: 'test-fresh-' };
  const app = testApp(fresh);
  expect(await ensureCatalogIndex(fresh)).toBe(true);
  expect(await ensureCatalogIndex(fresh)).toBe(false);
  const { rows } = await deps.pool.query<{ n: string }>("SELECT count(*) AS n FROM datasets WHERE visibility = 'public' AND state = 'published'");
  const after = await request(app).get('/api/datasets/1.0/search?rows=0');
  expect([after.status, after.body.nhits]).toEqual([200, Number(rows[0].n)]);
  const ckan = await request(app).get('/api/3/action/package_search?rows=0');
  expect([ckan.status, ckan.body.result.count]).toEqual([200, Number(rows[0].n)]);
});
