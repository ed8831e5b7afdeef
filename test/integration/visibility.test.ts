import { createHash } from 'node:crypto';
import type { Express } from 'express';
import request from 'supertest';
import { createApiKey, revokeApiKey } from '../../src/execute/apiKeyStore';
import { upsertDomain } from '../../src/execute/datasetStore';
import type { Deps } from '../../src/execute/deps';
import { testApp } from '../support/recordsApp';
import { queryString } from '../support/searchRequest';
import { openTestDeps } from '../support/testDeps';
import { publishTinyCsv } from '../support/tinyDataset';

/**
 * The visibility matrix (issue 5): anonymous / key of domain A / key of domain B × public /
 * private / draft datasets of domain A × every catalog and records endpoint. Whoever may not see
 * a dataset gets exactly the answer a dataset that does not exist gets, and never its id,
 * keywords or publisher in a search, a count or a facet.
 */
const DATASETS = { 'vis-public': { visibility: 'public', state: 'published' }, 'vis-private': { visibility: 'private', state: 'published' }, 'vis-draft': { visibility: 'public', state: 'draft' } } as const;
type DatasetId = keyof typeof DATASETS;
const IDS = Object.keys(DATASETS) as DatasetId[];
const MISSING = 'vis-missing';

let deps: Deps & { close(): Promise<void> };
let app: Express;
const keys: Record<string, string> = {};
let recordIds: Record<DatasetId, string>;

beforeAll(async () => {
  deps = await openTestDeps();
  for (const id of ['vis-a', 'vis-b']) await upsertDomain(deps.pool, { id, title: id.toUpperCase(), includePublic: false });
  for (const id of IDS) {
    await publishTinyCsv(deps, id, [{ name: 'nom', type: 'text', annotations: [{ name: 'facet' }] }, { name: 'geo', type: 'geo_point_2d' }, { name: 'n', type: 'int' }],
      [['x', '48.85,2.35', '1'], ['y', '48.86,2.36', '2']], { domain: 'vis-a', ...DATASETS[id], metadata: { keyword: [`kw-${id}`], publisher: `pub-${id}` } });
  }
  keys.A = (await createApiKey(deps.pool, 'vis-a', 'matrix A')).key;
  keys.B = (await createApiKey(deps.pool, 'vis-b', 'matrix B')).key;
  const revoked = await createApiKey(deps.pool, 'vis-a', 'revoked');
  await revokeApiKey(deps.pool, revoked.id);
  keys.revoked = revoked.key;
  const rows = await deps.pool.query<{ dataset_id: DatasetId; recordid: string }>('SELECT dataset_id, recordid FROM records WHERE dataset_id = ANY($1) AND source_line = 2', [IDS]);
  recordIds = Object.fromEntries(rows.rows.map((r) => [r.dataset_id, r.recordid])) as Record<DatasetId, string>;
  app = testApp(deps);
}, 600000);
afterAll(() => deps.close());

interface Caller { name: string; holdsA: boolean; set(req: request.Test): request.Test; param?: string }
const CALLERS: Caller[] = [
  { name: 'anonymous', holdsA: false, set: (r) => r },
  { name: 'key of A (Authorization: Apikey)', holdsA: true, set: (r) => r.set('Authorization', `Apikey ${keys.A}`) },
  { name: 'key of A (apikey=)', holdsA: true, set: (r) => r, param: 'A' },
  { name: 'key of A (CKAN bare Authorization)', holdsA: true, set: (r) => r.set('Authorization', keys.A) },
  { name: 'key of A (Authorization: Bearer)', holdsA: true, set: (r) => r.set('Authorization', `Bearer ${keys.A}`) },
  { name: 'key of B', holdsA: false, set: (r) => r.set('Authorization', `Apikey ${keys.B}`) },
];

const get = (caller: Caller, path: string, params: Record<string, string | number> = {}) => {
  const all = caller.param ? { ...params, apikey: keys[caller.param] } : params;
  const qs = queryString(all);
  return caller.set(request(app).get(qs ? `${path}?${qs}` : path));
};

/** Every endpoint that reads one dataset, as a path and parameters for a dataset id, and what a success looks like. */
const ONE_DATASET: Array<{ name: string; visibleTo: (holdsA: boolean, id: DatasetId) => boolean; path: (id: string) => string; params: (id: string) => Record<string, string | number>; ok: (body: unknown, text: string) => boolean }> = [];
const ownOrPublic = (holdsA: boolean, id: DatasetId) => holdsA || id === 'vis-public';
const add = (name: string, path: (id: string) => string, params: (id: string) => Record<string, string | number>, ok: (body: unknown, text: string) => boolean, visibleTo = ownOrPublic) =>
  ONE_DATASET.push({ name, path, params, ok, visibleTo });
const hits = (n: number) => (b: unknown) => (b as { nhits?: number }).nhits === n;
add('records search in A', () => '/vis-a/api2/records/search', (id) => ({ dataset: id }), hits(2));
add('records search, default domain', () => '/api/records/1.0/search', (id) => ({ dataset: id }), hits(2));
add('records search, id@A', () => '/api/records/1.0/search', (id) => ({ dataset: `${id}@vis-a` }), hits(2));
add('records search from B', () => '/vis-b/api2/records/search', (id) => ({ dataset: id }), hits(2), () => false);
add('download', () => '/vis-a/api2/records/download', (id) => ({ dataset: id, format: 'json' }), (b) => Array.isArray(b) && b.length === 2);
add('analyze', () => '/vis-a/api2/records/analyze', (id) => ({ dataset: id, x: 'nom', 'y.n.func': 'COUNT' }), (b) => Array.isArray(b) && b.length === 2);
// Both points are in one cell at zoom 5: one cluster of 2.
add('geocluster', () => '/vis-a/api2/records/geocluster', (id) => ({ dataset: id, clusterprecision: 5 }), (b) => JSON.stringify((b as { clusters?: Array<{ count: number }> }).clusters?.map((c) => c.count)) === '[2]');
add('boundingbox', () => '/vis-a/api2/records/boundingbox', (id) => ({ dataset: id }), (b) => (b as { count?: number }).count === 2);
add('geopreview', () => '/vis-a/api2/records/geopreview', (id) => ({ dataset: id }), (b) => Array.isArray(b) && b.length === 2);
add('record lookup', (id) => `/vis-a/api2/datasets/${id}/records/${recordIds[id as DatasetId] ?? 'f'.repeat(40)}`, () => ({}), (b) => ['x', 'y'].includes((b as { fields?: { nom?: string } }).fields?.nom ?? ''));
add('datastore_search', () => '/vis-a/api/3/action/datastore_search', (id) => ({ resource_id: id }), (b) => (b as { result?: { total?: number } }).result?.total === 2);
add('d4c records 2.0', () => '/vis-a/api/records/2.0/search', (id) => ({ resource_id: id }), (b) => (b as { result?: { total?: number } }).result?.total === 2);
add('dataset lookup in A', (id) => `/vis-a/api2/datasets/${id}`, () => ({}), (b) => (b as { datasetid?: string }).datasetid !== undefined);
add('dataset lookup id@A', (id) => `/api/datasets/1.0/${id}@vis-a`, () => ({}), (b) => (b as { datasetid?: string }).datasetid !== undefined);
add('package_show', () => '/vis-a/api/3/action/package_show', (id) => ({ id }), (b) => (b as { success?: boolean }).success === true);
add('d4c DATASETID', (id) => `/vis-a/api/datasets/2.0/DATASETID/id=${id}`, () => ({}), (b) => (b as { success?: boolean }).success === true);

describe('visibility matrix: callers × public/private/draft × endpoints', () => {
  for (const caller of CALLERS) {
    test(`${caller.name}: endpoints that read one dataset`, async () => {
      for (const e of ONE_DATASET) {
        const missing = await get(caller, e.path(MISSING), e.params(MISSING));
        expect([e.name, missing.status]).toEqual([e.name, 404]);
        for (const id of IDS) {
          const res = await get(caller, e.path(id), e.params(id));
          const visible = e.visibleTo(caller.holdsA, id);
          // Hidden: exactly what a missing dataset gets, once its id is put back.
          const outcome = visible ? { status: res.status, ok: e.ok(res.body, res.text) } : { status: res.status, text: res.text.split(id).join(MISSING) };
          expect([e.name, id, outcome]).toEqual([e.name, id, visible ? { status: 200, ok: true } : { status: 404, text: missing.text }]);
        }
      }
    });

    test(`${caller.name}: catalog searches, counts and facets`, async () => {
      const expected = IDS.filter((id) => ownOrPublic(caller.holdsA, id)).sort();
      const ods = await get(caller, '/vis-a/api2/datasets/search', { facet: 'keyword', rows: 10 });
      expect([ods.status, ods.body.nhits, ods.body.datasets.map((d: { datasetid: string }) => d.datasetid).sort()]).toEqual([200, expected.length, expected]);
      expect(ods.body.facet_groups[0].facets.map((f: { name: string }) => f.name).sort()).toEqual(expected.map((id) => `kw-${id}`));
      // A CKAN caller sees private and draft datasets only when asking for them, and only with the key.
      for (const [flags, privateToo, draftsToo] of [[{}, false, false], [{ include_private: 'true' }, true, false], [{ include_private: 'true', include_drafts: 'true' }, true, true],
        // The data4citizen document spells it include_draft.
        [{ include_private: 'true', include_draft: 'true' }, true, true], [{ include_draft: 'true' }, false, true]] as const) {
        const seen = IDS.filter((id) => id === 'vis-public' || (caller.holdsA && (id === 'vis-private' ? privateToo : draftsToo))).sort();
        const ckan = await get(caller, '/vis-a/api/3/action/package_search', { ...flags, 'facet.field': '["tags","organization"]', rows: 10 });
        expect([flags, ckan.status, ckan.body.result.count, ckan.body.result.results.map((p: { name: string }) => p.name).sort()]).toEqual([flags, 200, seen.length, seen]);
        expect(Object.keys(ckan.body.result.facets.tags).sort()).toEqual(seen.map((id) => `kw-${id}`));
        const d4c = await get(caller, '/api/datasets/2.0/search', { ...flags, q: 'vis', rows: 10 });
        const orgs = d4c.body.all_organizations.map((o: { title: string }) => o.title).filter((t: string) => t.startsWith('pub-vis-')).sort();
        expect([flags, orgs]).toEqual([flags, seen.map((id) => `pub-${id}`)]);
      }
      // From a domain that does not include the platform's datasets, nothing of A shows.
      const fromB = await get(caller, '/vis-b/api2/datasets/search', { facet: 'keyword' });
      expect([fromB.body.nhits, fromB.text.includes('vis-')]).toEqual([0, false]);
    });
  }

  test('refused keys: unknown, malformed or revoked is a 401 (403 on CKAN routes); credentials never get JSONP', async () => {
    for (const key of ['ps_unknownunknownunknownunknown', 'bad/key!', keys.revoked]) {
      const ods = await request(app).get('/vis-a/api2/datasets/search').set('Authorization', `Apikey ${key}`);
      expect([ods.status, ods.body.error]).toEqual([401, 'Invalid API key.']);
      const ckan = await request(app).get('/vis-a/api/3/action/package_search').set('X-CKAN-API-Key', key);
      expect([ckan.status, ckan.body.error.__type]).toEqual([403, 'Authorization Error']);
    }
    expect((await request(app).get(`/vis-a/api2/datasets/search?apikey=${keys.revoked}`)).status).toBe(401);
    expect((await request(app).get('/vis-a/api2/datasets/search').set('Authorization', 'Basic dXNlcjpwYXNz')).status).toBe(401);
    const jsonp = await request(app).get(`/vis-a/api2/records/search?${queryString({ dataset: 'vis-private', format: 'jsonp', callback: 'cb' })}`).set('Authorization', `Apikey ${keys.A}`);
    expect([jsonp.status, jsonp.body.parameter]).toEqual([400, 'format']);
  });

  // Issue 13 §6: the JSONP guard looked at Authorization, cookies and apikey=, not at X-CKAN-API-Key.
  test('a valid key in X-CKAN-API-Key gets no JSONP either, on any endpoint that serves it', async () => {
    const jsonp = { format: 'jsonp', callback: 'cb' };
    const endpoints: Array<[string, Record<string, string>, number]> = [
      ['/vis-a/api2/records/search', { dataset: 'vis-private', ...jsonp }, 400],
      ['/vis-a/api2/records/download', { dataset: 'vis-private', ...jsonp }, 400],
      ['/vis-a/api2/records/analyze', { dataset: 'vis-private', 'y.n.func': 'COUNT', ...jsonp }, 400],
      ['/vis-a/api2/records/boundingbox', { dataset: 'vis-private', ...jsonp }, 400],
      ['/vis-a/api2/datasets/search', jsonp, 400],
      ['/vis-a/api2/datasets/vis-private', jsonp, 400],
      [`/vis-a/api2/datasets/vis-private/records/${recordIds['vis-private']}`, jsonp, 400],
      ['/vis-a/api/records/2.0/search', { resource_id: 'vis-private', ...jsonp }, 409],
      ['/vis-a/api/3/action/package_search', jsonp, 409],
    ];
    const answers = [];
    for (const [path, params] of endpoints) {
      const res = await request(app).get(`${path}?${queryString(params)}`).set('X-CKAN-API-Key', keys.A);
      answers.push([path, res.status, res.headers['content-type'], res.body.parameter ?? Object.keys(res.body.error ?? {}).includes('format')]);
    }
    expect(answers).toEqual(endpoints.map(([path, , status]) => [path, status, expect.stringMatching(/^application\/json/), status === 400 ? 'format' : true]));
    // The same key without JSONP is served (so the refusal is about JSONP, not the key).
    const json = await request(app).get(`/vis-a/api2/records/search?${queryString({ dataset: 'vis-private' })}`).set('X-CKAN-API-Key', keys.A);
    expect([json.status, json.body.nhits]).toEqual([200, 2]);
  });

  test('browsers may send keys cross-origin (preflight), and caches keep answers apart by key', async () => {
    const preflight = await request(app).options('/vis-a/api/3/action/package_search').set('Origin', 'https://portal.example').set('Access-Control-Request-Headers', 'x-ckan-api-key');
    expect([preflight.status, preflight.headers['access-control-allow-origin'], preflight.headers['access-control-allow-headers']]).toEqual([204, '*', 'Authorization, X-CKAN-API-Key, Content-Type, If-None-Match']);
    const answer = await request(app).get('/vis-a/api2/datasets/search').set('Authorization', `Apikey ${keys.A}`);
    // A JSON page also varies by Accept-Encoding: it is compressed for clients that accept it.
    expect([answer.headers['access-control-allow-origin'], answer.headers.vary]).toEqual(['*', 'Authorization, X-CKAN-API-Key, Accept-Encoding']);
  });

  test('keys are stored as their SHA-256 only', async () => {
    const { rows } = await deps.pool.query<{ key_hash: string; domain_id: string }>('SELECT key_hash, domain_id FROM api_keys');
    const stored = JSON.stringify(rows);
    for (const key of [keys.A, keys.B]) expect(stored.includes(key)).toBe(false);
    expect(rows).toContainEqual({ key_hash: createHash('sha256').update(keys.A).digest('hex'), domain_id: 'vis-a' });
  });
});
