import type { Express } from 'express';
import request from 'supertest';
import type { Deps } from '../../../src/execute/deps';
import { ensureFixture, fixtureDescriptor } from '../../support/ingestFixture';
import { LIEUX_TEXT_COLUMNS, rawCsvObjects, rawCsvObjectsWithLines } from '../../support/rawFixtures';
import { hasPhrase, matchesBareWord, uaxWords } from '../../support/rawText';
import { testApp } from '../../support/recordsApp';
import { byBytes, queryString } from '../../support/searchRequest';
import { openTestDeps } from '../../support/testDeps';
import { publishTinyCsv } from '../../support/tinyDataset';
import { upsertDomain } from '../../../src/execute/datasetStore';

// The data4citizen API document (shared/seeds/004_9b1b7b5a839a3c67.txt), point by point (issue 13 §7).
const LIEUX = 'lieux-de-tournage-a-paris';
let deps: Deps & { close(): Promise<void> };
let app: Express;
beforeAll(async () => {
  deps = await openTestDeps();
  await ensureFixture(deps, LIEUX);
  await upsertDomain(deps.pool, { id: 'tm-own', title: 'TM own', includePublic: false });
  for (const [id, options] of [['tm-public', {}], ['datasetid', {}], ['tm-private', { visibility: 'private' }], ['tm-draft', { state: 'draft' }], ['tm-elsewhere', { domain: 'tm-own' }]] as const) {
    await publishTinyCsv(deps, id, [{ name: 'nom', type: 'text' }], [['a'], ['b']], options);
  }
  app = testApp(deps);
}, 600000);
afterAll(() => deps.close());

const raw = rawCsvObjects('lieux-de-tournage-a-paris.csv');
/** A bare word of the query language (plain=true, CKAN's default) in some text column of a row. */
const hasWord = (r: Record<string, string>, w: string) => matchesBareWord(LIEUX_TEXT_COLUMNS.map((c) => r[c]), w);
const get = (path: string, params: Record<string, string | number> = {}) => request(app).get(Object.keys(params).length ? `${path}?${queryString(params)}` : path);
/** JSONP as SPEC §3 defines it: the JSON body, prefixed with a comment, as the callback's argument. */
const jsonpOf = (callback: string, json: string) => `/**/${callback}(${json});`;

describe('the dataset lookup /<domain>/api2/datasets/DATASETID/id=<id>', () => {
  test('answers the dataset object of /<domain>/api2/datasets/<id>, with the id in the path or the query string', async () => {
    const meta = fixtureDescriptor(LIEUX).metadata as { title: string; keyword: string[] };
    const byId = await get(`/default/api2/datasets/${LIEUX}`);
    for (const path of [`/default/api2/datasets/DATASETID/id=${LIEUX}`, `/default/api2/datasets/DATASETID/?id=${LIEUX}`, `/default/api2/datasets/DATASETID?id=${LIEUX}`, `/d4c/default/api2/datasets/DATASETID/id=${LIEUX}`]) {
      const res = await get(path);
      expect([path, res.status, res.body.datasetid, res.body.metas?.title, res.body.metas?.records_count]).toEqual([path, 200, LIEUX, meta.title, raw.length]);
      expect(res.body).toEqual(byId.body);
    }
  });

  test('without an id it is a 400 naming id; an unknown id is the lookup\'s 404', async () => {
    const missing = await get('/default/api2/datasets/DATASETID/');
    expect([missing.status, missing.text]).toEqual([400, expect.stringMatching(/\bid\b/)]);
    // The literal word is upper case: a dataset named `datasetid` is still looked up by its id.
    expect((await get('/default/api2/datasets/datasetid')).body.datasetid).toBe('datasetid');
    const unknown = await get('/default/api2/datasets/DATASETID/id=no-such-dataset');
    expect([unknown.status, unknown.body]).toEqual([404, (await get('/default/api2/datasets/no-such-dataset')).body]);
  });
});

describe('callback alone turns on JSONP where the document says so', () => {
  test('api2 records search, api2 lookup (both forms), records 2.0 search; GeoJSON with a callback is GeoJSONP', async () => {
    const cases: Array<[string, Record<string, string | number>]> = [
      ['/default/api2/records/search', { dataset: LIEUX, rows: 2 }],
      [`/default/api2/datasets/${LIEUX}`, {}],
      [`/default/api2/datasets/DATASETID/id=${LIEUX}`, {}],
      ['/api/records/2.0/search', { resource_id: LIEUX, limit: 2 }],
      ['/d4c/api/records/2.0/search', { resource_id: LIEUX, limit: 2 }],
    ];
    for (const [path, params] of cases) {
      const json = await get(path, params);
      const jsonp = await get(path, { ...params, callback: 'app.cb' });
      expect([path, json.status, jsonp.status, jsonp.headers['content-type']]).toEqual([path, 200, 200, 'text/javascript; charset=utf-8']);
      // The same answer as with format=jsonp; its argument is the JSON answer (whose ODS echo names the format).
      expect(jsonp.text).toBe((await get(path, { ...params, format: 'jsonp', callback: 'app.cb' })).text);
      expect(jsonp.text).toBe(jsonpOf('app.cb', json.text.replace('"format": "json"', '"format": "jsonp"')));
      // An explicit format=json stays JSON.
      expect((await get(path, { ...params, callback: 'app.cb', format: 'json' })).text).toBe(json.text);
    }
    for (const [path, params] of [['/default/api2/records/search', { dataset: LIEUX, rows: 2 }], ['/api/records/2.0/search', { resource_id: LIEUX, limit: 2 }]] as const) {
      const geojson = await get(path, { ...params, format: 'geojson' });
      const geojsonp = await get(path, { ...params, format: 'geojson', callback: 'cb' });
      expect([path, geojson.body.type, geojsonp.text]).toEqual([path, 'FeatureCollection', jsonpOf('cb', geojson.text)]);
    }
  });

  test('the JSONP guard still holds: no JSONP for a POST or with credentials; ODS v1\'s own routes keep format=jsonp', async () => {
    const post = await request(app).post('/default/api2/records/search').send({ dataset: LIEUX, callback: 'cb' });
    expect([post.status, post.text]).toEqual([400, expect.stringMatching(/format/)]);
    const keyed = await get('/api/records/2.0/search', { resource_id: LIEUX, callback: 'cb' }).set('X-CKAN-API-Key', 'whatever');
    expect(keyed.status).toBeGreaterThanOrEqual(400);
    expect(keyed.text.startsWith('/**/')).toBe(false);
    const ods = await get('/api/records/1.0/search', { dataset: LIEUX, rows: 1, callback: 'cb' });
    expect([ods.status, ods.headers['content-type']]).toEqual([200, expect.stringMatching(/^application\/json/)]);
  });
});

describe('plain=false: PostgreSQL\'s text-search syntax, parsed by our own parser', () => {
  const texts = (r: Record<string, string>) => LIEUX_TEXT_COLUMNS.map((c) => r[c]);
  const words = raw.map((r) => new Set(texts(r).flatMap((t) => uaxWords(t))));
  /** Rows with the whole word (a lexeme without :*), or a word starting with it (with :*). */
  const has = (i: number, w: string) => words[i].has(w);
  const starts = (i: number, w: string) => [...words[i]].some((x) => x.startsWith(w));
  const count = (keep: (i: number) => boolean) => raw.filter((_, i) => keep(i)).length;
  const total = async (q: string | Record<string, string>, route = '/api/3/action/datastore_search') => {
    const res = await request(app).post(route).send({ resource_id: LIEUX, q, plain: false, limit: 0 });
    expect([q, res.status]).toEqual([q, 200]);
    return res.body.result.total as number;
  };

  test('| is or, & is and, ! is not, parentheses group (it used to AND every word)', async () => {
    const either = count((i) => has(i, 'bureau') || has(i, 'legendes'));
    expect(either).toBeGreaterThan(count((i) => has(i, 'bureau') && has(i, 'legendes')));
    expect(await total('bureau | legendes')).toBe(either);
    expect(await total('bureau & legendes')).toBe(count((i) => has(i, 'bureau') && has(i, 'legendes')));
    expect(await total('bureau & !legendes')).toBe(count((i) => has(i, 'bureau') && !has(i, 'legendes')));
    expect(await total('(bureau | legendes) & !(serie | tv)')).toBe(count((i) => (has(i, 'bureau') || has(i, 'legendes')) && !(has(i, 'serie') || has(i, 'tv'))));
    // The d4c route takes it too (GET, parameters after the slash).
    const portal = await request(app).get(`/api/records/2.0/search/resource_id=${LIEUX}&plain=false&limit=0&q=${encodeURIComponent('bureau | legendes')}`);
    expect(portal.body.result.total).toBe(either);
  });

  test(':* is a prefix search; a lexeme without it is the whole word; quoted texts and <-> are words in order', async () => {
    const prefix = count((i) => starts(i, 'legend'));
    expect(prefix).toBeGreaterThan(count((i) => has(i, 'legend')));
    expect(await total('legend:*')).toBe(prefix);
    expect(await total('legend')).toBe(count((i) => has(i, 'legend')));
    expect(await total('bureau:* & !bureau')).toBe(count((i) => starts(i, 'bureau') && !has(i, 'bureau')));
    const phrase = raw.filter((r) => texts(r).some((t) => hasPhrase(t, 'bureau des legendes'))).length;
    expect(phrase).toBeGreaterThan(0);
    expect(await total("'bureau des legendes'")).toBe(phrase);
    expect(await total('bureau <-> des <-> legendes')).toBe(phrase);
  });

  test('q as an object: each value is such a query within its field', async () => {
    const inTitle = raw.filter((r) => { const w = uaxWords(r.Titre); return w.includes('bureau') && !w.includes('legendes'); }).length;
    expect(await total({ nom_tournage: 'bureau & !legendes' })).toBe(inTitle);
  });

  test('a query PostgreSQL would refuse is a 400 Search Query Error naming q, with the position', async () => {
    for (const [q, position] of [['bureau legendes', 7], ['bureau:A', 6], ['(bureau | legendes', 18], ['bureau & | x', 9]] as const) {
      const res = await request(app).post('/api/3/action/datastore_search').send({ resource_id: LIEUX, q, plain: false });
      expect([q, res.status, res.body.error.__type, res.body.error.message]).toEqual([q, 400, 'Search Query Error', expect.stringContaining(`at position ${position}`)]);
      expect(res.body.error.message).toMatch(/\bq\b/);
    }
  });
});

describe('distinct=true: duplicate rows removed across the whole result', () => {
  const rawLines = rawCsvObjectsWithLines('lieux-de-tournage-a-paris.csv');
  /** The distinct (type, postcode) rows of the raw file among the rows kept, each with its first line, in order of first appearance. */
  const distinctRows = (keep: (r: Record<string, string>) => boolean) => {
    const seen = new Map<string, { _id: number; type_tournage: string | null; ardt_lieu: string | null }>();
    for (const { line, row } of rawLines) {
      if (!keep(row)) continue;
      const k = JSON.stringify([row['Type de tournage'], row['Code postal']]);
      if (!seen.has(k)) seen.set(k, { _id: line, type_tournage: row['Type de tournage'] || null, ardt_lieu: row['Code postal'] || null });
    }
    return [...seen.values()];
  };
  const ask = (params: Record<string, unknown>) => request(app).post('/api/3/action/datastore_search').send({ resource_id: LIEUX, fields: ['type_tournage', 'ardt_lieu'], distinct: true, ...params });

  test('total counts the distinct rows; paging walks them all, each once, in order of first appearance', async () => {
    const all = distinctRows(() => true);
    expect(all.length).toBeGreaterThan(40);
    expect(all.length).toBeLessThan(raw.length);
    const pages = [];
    for (let offset = 0; offset < all.length + 7; offset += 7) {
      const res = await ask({ limit: 7, offset });
      expect([offset, res.status, res.body.result.total]).toEqual([offset, 200, all.length]);
      pages.push(...res.body.result.records);
    }
    expect(pages).toEqual(all);
  });

  test('with filters, q and sort: the distinct rows of the filtered result, sorted', async () => {
    const keep = (r: Record<string, string>) => r['Année du tournage'] === '2019' && hasWord(r, 'rue');
    const expected = distinctRows(keep).sort((a, b) => byBytes(b.ardt_lieu ?? '', a.ardt_lieu ?? '') || byBytes(a.type_tournage ?? '', b.type_tournage ?? ''));
    const res = await ask({ filters: { annee_tournage: 2019 }, q: 'rue', sort: 'ardt_lieu desc, type_tournage asc', limit: 1000 });
    expect([res.body.result.total, res.body.result.records]).toEqual([expected.length, expected]);
    // The d4c route too, with records as lists.
    const portal = await request(app).get(`/api/records/2.0/search?${queryString({ resource_id: LIEUX, fields: 'type_tournage,ardt_lieu', distinct: 'true', 'refine.annee_tournage': 2019, q: 'rue', sort: 'ardt_lieu desc, type_tournage asc', limit: 5, records_format: 'lists' })}`);
    expect([portal.body.result.total, portal.body.result.records]).toEqual([expected.length, expected.slice(0, 5).map((r) => [r._id, r.type_tournage, r.ardt_lieu])]);
  });

  test('sorting by a field that is not returned is a 409 naming sort; without distinct nothing changes', async () => {
    const bad = await ask({ sort: 'annee_tournage desc' });
    expect([bad.status, bad.body.error.__type, Object.keys(bad.body.error)]).toEqual([409, 'Validation Error', expect.arrayContaining(['sort'])]);
    const plain = await ask({ distinct: false, limit: 0 });
    expect(plain.body.result.total).toBe(raw.length);
  });
});

describe('resource_id=_table_metadata lists the tables, as CKAN does', () => {
  /** What the store of record holds: the public, published datasets with records a domain shows (its own, and every one when it includes them). */
  const expectedTables = async (domain: string) => (await deps.pool.query<{ id: string; resource_id: string }>(
    `SELECT s.id, s.resource_id FROM datasets s JOIN domains d ON d.id = $1
      WHERE s.has_records AND s.visibility = 'public' AND s.state = 'published' AND (s.domain_id = d.id OR d.include_public) ORDER BY s.id`, [domain])).rows;
  const asRows = (tables: Array<{ id: string; resource_id: string }>) => tables.flatMap((t) => [[t.resource_id, null], [t.id, t.resource_id]]);

  test('one row per table (the resource id) and per alias (the dataset id), with _id, name, oid, alias_of', async () => {
    const tables = await expectedTables('default');
    expect(tables.map((t) => t.id)).toEqual(expect.arrayContaining([LIEUX, 'tm-public', 'tm-elsewhere']));
    const res = await request(app).get(`/api/3/action/datastore_search?${queryString({ resource_id: '_table_metadata', limit: 1000 })}`);
    expect([res.status, res.body.success, res.body.result.resource_id, res.body.result.total]).toEqual([200, true, '_table_metadata', tables.length * 2]);
    expect(res.body.result.fields).toEqual([{ id: '_id', type: 'int' }, { id: 'name', type: 'text' }, { id: 'oid', type: 'int' }, { id: 'alias_of', type: 'text' }]);
    const records = res.body.result.records as Array<{ _id: number; name: string; oid: number; alias_of: string | null }>;
    expect(records.map((r) => [r.name, r.alias_of])).toEqual(asRows(tables));
    expect(records.map((r) => r._id)).toEqual(records.map((_, i) => i + 1));
    expect(records.every((r) => Number.isInteger(r.oid))).toBe(true);
    expect(records.map((r) => r.name)).not.toEqual(expect.arrayContaining(['tm-private']));
    expect(records.map((r) => r.name)).not.toEqual(expect.arrayContaining(['tm-draft']));
    // Every name listed is a resource_id datastore_search reads.
    for (const r of records.filter((x) => [LIEUX, 'tm-public'].includes(x.name) || x.alias_of === null).slice(0, 6)) {
      expect([r.name, (await request(app).get(`/api/3/action/datastore_search?resource_id=${r.name}&limit=0`)).status]).toEqual([r.name, 200]);
    }
  });

  test('a domain lists what it shows; filters, fields, sort, paging and formats apply; the d4c route too', async () => {
    const own = await request(app).get(`/tm-own/api/3/action/datastore_search?resource_id=_table_metadata`);
    expect(own.body.result.records.map((r: { name: string; alias_of: string | null }) => [r.name, r.alias_of])).toEqual(asRows(await expectedTables('tm-own')));
    expect(own.body.result.total).toBe(2);
    const lieux = (await expectedTables('default')).find((t) => t.id === LIEUX)!;
    const alias = await request(app).post('/api/3/action/datastore_search').send({ resource_id: '_table_metadata', filters: { alias_of: lieux.resource_id }, fields: ['name'] });
    expect([alias.body.result.total, alias.body.result.records.map((r: { name: string }) => r.name), Object.keys(alias.body.result.records[0])]).toEqual([1, [LIEUX], ['_id', 'name']]);
    const tables = await expectedTables('default');
    const byNameDesc = asRows(tables).map(([name]) => name as string).sort(byBytes).reverse();
    const page = await request(app).get(`/api/records/2.0/search/resource_id=_table_metadata&sort=name desc&limit=3&offset=2&records_format=lists&fields=name`);
    expect([page.status, page.body.result.records.map((r: [number, string]) => r[1]), '_links' in page.body.result]).toEqual([200, byNameDesc.slice(2, 5), false]);
    const bad = await request(app).get('/api/3/action/datastore_search?resource_id=_table_metadata&filters={"nope":1}');
    expect([bad.status, bad.body.error.filters]).toEqual([409, [expect.stringMatching(/nope/)]]);
    const geo = await request(app).get('/api/records/2.0/search?resource_id=_table_metadata&format=geojson');
    expect([geo.status, Object.keys(geo.body.error)]).toEqual([409, expect.arrayContaining(['format'])]);
  });
});
