import type { Express } from 'express';
import request from 'supertest';
import type { Deps } from '../../../src/execute/deps';
import { ensureFixture, fixtureDescriptor } from '../../support/ingestFixture';
import { importParisCatalog, rawParisCatalog } from '../../support/parisCatalog';
import { testApp } from '../../support/recordsApp';
import { openTestDeps } from '../../support/testDeps';
import { publishTinyCsv } from '../../support/tinyDataset';

const VELIB = 'velib-emplacement-des-stations';
let deps: Deps & { close(): Promise<void> };
let app: Express;
beforeAll(async () => {
  deps = await openTestDeps();
  await ensureFixture(deps, VELIB);
  // The Paris catalog lists this dataset too: its metadata fills what the descriptor leaves out.
  await importParisCatalog(deps);
  await publishTinyCsv(deps, 'package-secret', [{ name: 'nom', type: 'text' }], [['a']], { visibility: 'private' });
  await publishTinyCsv(deps, 'package-draft', [{ name: 'nom', type: 'text' }], [['a']], { state: 'draft' });
  app = testApp(deps);
}, 600000);
afterAll(() => deps.close());

describe('CKAN package_show and status_show', () => {
  test('the package dict, by every route; its resource works with datastore_search', async () => {
    const fromCatalog = rawParisCatalog().find((e) => e.dataset_id === VELIB)?.metas.default ?? {};
    const meta = { ...fromCatalog, ...fixtureDescriptor(VELIB).metadata } as { title: string; description?: string; keyword?: string[] };
    const action = await request(app).get(`/api/3/action/package_show?id=${VELIB}`);
    expect([action.status, action.body.success, action.body.help]).toEqual([200, true, expect.stringMatching(/help_show\?name=package_show$/)]);
    const p = action.body.result;
    expect([p.id, p.name, p.title, p.notes, p.private, p.state]).toEqual([VELIB, VELIB, meta.title, meta.description ?? '', false, 'active']);
    expect(p.tags.map((t: { name: string }) => t.name)).toEqual(meta.keyword ?? []);
    expect([p.num_resources, p.resources[0].datastore_active, p.resources[0].format]).toEqual([1, true, 'CSV']);
    expect((await request(app).get(`/api/action/package_show?id=${VELIB}`)).body.result).toEqual(p);
    // data4citizen's flavour: no resource url, plus metas, metadata_imported and dataset_modification_date.
    const d4c = (await request(app).get(`/api/datasets/2.0/DATASETID/id=${VELIB}`)).body;
    expect(d4c.help).toBeUndefined();
    expect(d4c.result.resources.map((r: { url?: string }) => r.url)).toEqual([undefined]);
    expect(d4c.result.resources[0].id).toBe(p.resources[0].id);
    expect([d4c.result.metas.records_count, d4c.result.metadata_imported, d4c.result.title]).toEqual([1469, p.metadata_modified, p.title]);
    expect(d4c.result.dataset_modification_date).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    for (const path of [`/api/datasets/2.0/DATASETID/?id=${VELIB}`, `/api/datasets/2.0/${VELIB}`, `/d4c/api/datasets/2.0/DATASETID/id=${VELIB}`]) {
      const res = await request(app).get(path);
      expect([path, res.status, res.body]).toEqual([path, 200, d4c]);
    }
    const posted = await request(app).post('/api/3/action/package_show').send({ id: VELIB });
    expect(posted.body.result).toEqual(p);
    const rows = await request(app).post('/api/3/action/datastore_search').send({ resource_id: p.resources[0].id, limit: 0 });
    expect(rows.body.result.total).toBe(1469);
  });

  test('missing id is a 409 Validation Error; unknown, private and draft are the same 404 Not Found Error', async () => {
    const missing = await request(app).get('/api/3/action/package_show');
    expect([missing.status, missing.body.error.__type, missing.body.error.name_or_id]).toEqual([409, 'Validation Error', ['Missing value']]);
    const unknown = await request(app).get('/api/3/action/package_show?id=no-such-package');
    const secret = await request(app).get('/api/3/action/package_show?id=package-secret');
    expect([unknown.status, unknown.body.error]).toEqual([404, { __type: 'Not Found Error', message: 'Not found' }]);
    const draft = await request(app).get('/api/3/action/package_show?id=package-draft');
    expect([secret.status, secret.body]).toEqual([unknown.status, unknown.body]);
    expect([draft.status, draft.body]).toEqual([unknown.status, unknown.body]);
    expect((await request(app).get('/api/datasets/2.0/package-secret')).body).toEqual(unknown.body);
  });

  test('status_show, also under /api/action/ and under a domain (a CKAN client whose base URL is http://host/<domain>)', async () => {
    const res = await request(app).get('/api/3/action/status_show');
    expect([res.status, res.body.success, res.body.result.extensions]).toEqual([200, true, ['datastore']]);
    for (const path of ['/api/action/status_show', '/paris/api/3/action/status_show', '/paris/api/action/status_show']) {
      const other = await request(app).get(path);
      // The same answer; site_url names the host asked (supertest listens on a new port each time).
      expect([path, other.status, other.body.result]).toEqual([path, 200, { ...res.body.result, site_url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/) }]);
    }
  });
});
