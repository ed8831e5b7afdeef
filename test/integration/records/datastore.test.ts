import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parse as parseCsv } from 'csv-parse/sync';
import type { Express } from 'express';
import request from 'supertest';
import type { Deps } from '../../../src/execute/deps';
import { createHttpServer } from '../../../src/http/httpServer';
import { ensureFixture } from '../../support/ingestFixture';
import { LIEUX_TEXT_COLUMNS, rawCsvObjects, rawCsvObjectsWithLines } from '../../support/rawFixtures';
import { matchesBareWord } from '../../support/rawText';
import { testApp } from '../../support/recordsApp';
import { queryString } from '../../support/searchRequest';
import { openTestDeps } from '../../support/testDeps';
import { publishTinyCsv } from '../../support/tinyDataset';

// The npm `ckan` client (okfn/ckan.js), unmodified.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const CKAN = require('ckan') as { Client: new (endpoint: string) => { datastoreQuery(q: object, cb: (err: unknown, out: { total: number; fields: Array<{ id: string; type: string }>; hits: Array<Record<string, unknown>> }) => void): void } };

const LIEUX = 'lieux-de-tournage-a-paris';
const INSTANTS = ['2024-03-31T00:30:00Z', '2024-03-31T01:30:00Z', '2024-10-27T00:30:00Z', '2024-10-27T01:30:00Z'];
let deps: Deps & { close(): Promise<void> };
let app: Express;
let server: Server;
let resourceId: string;
beforeAll(async () => {
  deps = await openTestDeps();
  await ensureFixture(deps, LIEUX);
  await publishTinyCsv(deps, 'datastore-instants', [{ name: 'quand', type: 'datetime' }], INSTANTS.map((i) => [i]));
  resourceId = (await deps.pool.query<{ resource_id: string }>('SELECT resource_id FROM datasets WHERE id = $1', [LIEUX])).rows[0].resource_id;
  app = testApp(deps);
  server = createHttpServer(app).listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
}, 600000);
afterAll(async () => { server.close(); await deps.close(); });

const raw = rawCsvObjects('lieux-de-tournage-a-paris.csv');
const withLines = rawCsvObjectsWithLines('lieux-de-tournage-a-paris.csv');
const texts = (r: Record<string, string>) => LIEUX_TEXT_COLUMNS.map((c) => r[c]);
const action = (body: object) => request(app).post('/api/3/action/datastore_search').send(body);
const d4c = (params: Record<string, string | number | string[]>) => request(app).get(`/api/records/2.0/search?${queryString(params)}`);

describe('CKAN datastore_search', () => {
  test('the npm ckan client\'s datastoreQuery works unmodified', async () => {
    const client = new CKAN.Client(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    const out = await new Promise<{ total: number; fields: Array<{ id: string; type: string }>; hits: Array<Record<string, unknown>> }>((resolve, reject) => {
      client.datastoreQuery({
        resource_id: resourceId, size: 5, from: 0,
        filters: [{ type: 'term', field: 'type_tournage', term: 'Série TV' }], sort: [{ field: 'annee_tournage', order: 'desc' }],
      }, (err, res) => (err ? reject(new Error(String(err))) : resolve(res)));
    });
    const series = raw.filter((r) => r['Type de tournage'] === 'Série TV');
    expect(out.total).toBe(series.length);
    expect(out.fields[0]).toEqual({ id: '_id', type: 'integer' });
    expect(out.hits.map((h) => h.annee_tournage)).toEqual(Array(5).fill(Math.max(...series.map((r) => Number(r['Année du tournage'])))));
    expect(out.hits.every((h) => h.type_tournage === 'Série TV')).toBe(true);
  });

  test('resource_id is the dataset\'s resource UUID or its id; results come in source order with _id', async () => {
    const byUuid = await action({ resource_id: resourceId, limit: 3 });
    const byId = await action({ resource_id: LIEUX, limit: 3 });
    expect(byUuid.status).toBe(200);
    expect(byUuid.body.help).toMatch(/help_show\?name=datastore_search$/);
    expect(byUuid.body.result.records).toEqual(byId.body.result.records);
    expect(byUuid.body.result.records.map((r: { id_lieu: string }) => r.id_lieu)).toEqual(raw.slice(0, 3).map((r) => r['Identifiant du lieu']));
    expect(Object.keys(byUuid.body.result)).toEqual(expect.arrayContaining(['resource_id', 'fields', 'records', 'total', 'limit', 'offset', 'include_total', 'records_format', '_links']));
    expect(byUuid.body.result.total).toBe(raw.length);
    expect((await action({ resource_id: LIEUX })).body.result.limit).toBe(100);
    expect((await action({ resource_id: LIEUX, limit: 50000, fields: ['id_lieu'] })).body.result.limit).toBe(32000);
  });

  test('filters (a list is any of), q as text or per field, fields, sort, include_total, formats', async () => {
    const filtered = await action({ resource_id: LIEUX, filters: { ardt_lieu: ['75013', '75018'], annee_tournage: 2019 }, limit: 0 });
    expect(filtered.body.result.total).toBe(raw.filter((r) => ['75013', '75018'].includes(r['Code postal']) && r['Année du tournage'] === '2019').length);
    expect(filtered.body.result.records).toEqual([]);
    expect(filtered.body.result.filters).toEqual({ ardt_lieu: ['75013', '75018'], annee_tournage: 2019 });
    const perField = await action({ resource_id: LIEUX, q: { nom_tournage: 'bureau des legendes' }, limit: 0 });
    const titles = raw.filter((r) => /bureau des l[ée]gendes/i.test(r.Titre));
    expect(perField.body.result.total).toBe(titles.length);
    // Text q is the query language: each bare word starts a word of some text field.
    const text = await d4c({ resource_id: LIEUX, q: 'bureau legendes', limit: 0 });
    expect(text.body.result.total).toBe(raw.filter((r) => ['bureau', 'legendes'].every((w) => matchesBareWord(texts(r), w))).length);
    const some = await d4c({ resource_id: LIEUX, fields: 'annee_tournage,id_lieu', sort: 'annee_tournage desc, id_lieu asc', limit: 3, include_total: 'false' });
    expect(some.body.result.fields.map((f: { id: string }) => f.id)).toEqual(['_id', 'annee_tournage', 'id_lieu']);
    expect(Object.keys(some.body.result.records[0])).toEqual(['_id', 'annee_tournage', 'id_lieu']);
    expect('total' in some.body.result).toBe(false);
    const top = raw.map((r) => [Number(r['Année du tournage']), r['Identifiant du lieu']] as const).sort((a, b) => b[0] - a[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0)).slice(0, 3);
    expect(some.body.result.records.map((r: { annee_tournage: number; id_lieu: string }) => [r.annee_tournage, r.id_lieu])).toEqual(top);
    const lists = await d4c({ resource_id: LIEUX, fields: 'id_lieu,annee_tournage', limit: 2, records_format: 'lists' });
    // _id is the line of the CSV file where the record starts.
    expect(lists.body.result.records).toEqual(withLines.slice(0, 2).map(({ line, row: r }) => [line, r['Identifiant du lieu'], Number(r['Année du tournage'])]));
    const csv = await d4c({ resource_id: LIEUX, fields: 'id_lieu,adresse_lieu', limit: 5, records_format: 'csv' });
    const firstFive = withLines.slice(0, 5).map(({ line, row: r }) => [String(line), r['Identifiant du lieu'], r['Localisation de la scène']]);
    expect(parseCsv(csv.body.result.records as string)).toEqual(firstFive);
    const tsv = await d4c({ resource_id: LIEUX, fields: 'id_lieu,adresse_lieu', limit: 5, records_format: 'tsv' });
    expect(parseCsv(tsv.body.result.records as string, { delimiter: '\t' })).toEqual(firstFive);
  });

  test('an offset beyond 10,000 reads on in source order', async () => {
    const res = await action({ resource_id: LIEUX, offset: 14000, limit: 10, fields: ['id_lieu'] });
    expect(res.status).toBe(200);
    expect(res.body.result.records.map((r: { id_lieu: string }) => r.id_lieu)).toEqual(raw.slice(14000, 14010).map((r) => r['Identifiant du lieu']));
    expect(res.body.result.total).toBe(raw.length);
  });

  test('/api/action/ answers as /api/3/action/; distinct keeps one of each row; an unreadable q is plain words, or a 400 without plain', async () => {
    const body = { resource_id: LIEUX, fields: ['type_tournage'], limit: 30 };
    const v3 = await action(body);
    const bare = await request(app).post('/api/action/datastore_search').send(body);
    const withoutLinks = ({ _links: _l, ...rest }: Record<string, unknown>) => rest;
    expect([bare.status, withoutLinks(bare.body.result)]).toEqual([200, withoutLinks(v3.body.result)]);
    expect(v3.body.result.records.map((r: { _id: number }) => r._id)).toEqual(withLines.slice(0, 30).map((r) => r.line));
    // distinct: each distinct row once over the whole result (issue 13 §7), by its first record.
    const distinct = await action({ ...body, distinct: true });
    const firstOfEach = withLines.filter(({ row }, i, all) => all.findIndex((o) => o.row['Type de tournage'] === row['Type de tournage']) === i);
    expect(distinct.body.result.records).toEqual(firstOfEach.map(({ line, row }) => ({ _id: line, type_tournage: row['Type de tournage'] })));
    expect(distinct.body.result.total).toBe(firstOfEach.length);
    // `bureau (legendes` is no valid query: with plain (the default) its words are searched, each a word prefix.
    const plain = await action({ resource_id: LIEUX, q: 'bureau (legendes', limit: 0 });
    expect([plain.status, plain.body.result.total]).toEqual([200, raw.filter((r) => ['bureau', 'legendes'].every((w) => matchesBareWord(texts(r), w))).length]);
    const strict = await action({ resource_id: LIEUX, q: 'bureau (legendes', plain: false, limit: 0 });
    expect([strict.status, strict.body.success, strict.body.error.__type]).toEqual([400, false, 'Search Query Error']);
  });

  test('errors: 409 Validation Error naming the field, 404 Not Found Error', async () => {
    const badFilter = await action({ resource_id: LIEUX, filters: { nope: 1 } });
    expect([badFilter.status, badFilter.body.success, badFilter.body.error.__type, badFilter.body.error.filters]).toEqual([409, false, 'Validation Error', ['invalid value "nope"']]);
    const badFields = await d4c({ resource_id: LIEUX, fields: 'a%2Cb' });
    expect([badFields.status, badFields.body.error.fields]).toEqual([409, [expect.stringMatching(/a%2Cb/)]]);
    const badSort = await d4c({ resource_id: LIEUX, sort: 'annee_tournage sideways' });
    expect([badSort.status, Object.keys(badSort.body.error)]).toEqual([409, expect.arrayContaining(['sort'])]);
    const badFormat = await d4c({ resource_id: LIEUX, records_format: 'xml' });
    expect(badFormat.status).toBe(409);
    const missing = await action({ resource_id: '00000000-0000-0000-0000-000000000000' });
    expect([missing.status, missing.body.error.__type, missing.body.error.message]).toEqual([404, 'Not Found Error', expect.stringMatching(/00000000-0000-0000-0000-000000000000/)]);
  });

  // Issue 13 §5: `_links` are CKAN's (the request's own path with all of its parameters, offset
  // advanced), so a client following `next` pages through the rows it asked for.
  const followNext = async (first: request.Response): Promise<Array<Record<string, unknown>>> => {
    const seen: Array<Record<string, unknown>> = [];
    let page = first;
    for (let i = 0; i < 100 && page.body.result.records.length > 0; i++) {
      seen.push(...page.body.result.records);
      page = await request(app).get(page.body.result._links.next);
      expect(page.status).toBe(200);
    }
    return seen;
  };
  const wanted = withLines.filter(({ row }) => row['Type de tournage'] === 'Série TV' && ['75018', '75011'].includes(row['Code postal'])
    && matchesBareWord(texts(row), 'rue'));
  const expectedRows = [...wanted].reverse().map(({ line, row }) => ({ _id: line, id_lieu: row['Identifiant du lieu'], ardt_lieu: row['Code postal'] }));

  test('_links.next of a filtered GET on /api/3/action/ pages through exactly the filtered rows, on that path', async () => {
    expect(wanted.length).toBeGreaterThan(25);
    const params = { resource_id: LIEUX, filters: JSON.stringify({ type_tournage: 'Série TV', ardt_lieu: ['75018', '75011'] }), q: 'rue', fields: 'id_lieu,ardt_lieu', sort: '_id desc', limit: 10, plain: 'true' };
    const first = await request(app).get(`/api/3/action/datastore_search?${queryString(params)}`);
    expect(first.body.result.total).toBe(wanted.length);
    const links = first.body.result._links as Record<string, string>;
    expect([links.start.split('?')[0], links.next.split('?')[0], 'prev' in links]).toEqual(['/api/3/action/datastore_search', '/api/3/action/datastore_search', false]);
    const next = new URLSearchParams(links.next.split('?')[1]);
    expect(Object.fromEntries(next)).toEqual({ ...Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)])), offset: '10' });
    expect(await followNext(first)).toEqual(expectedRows);
    // Past the second page, `prev` goes back one page, as CKAN writes it.
    const third = await request(app).get(`/api/3/action/datastore_search?${queryString({ ...params, offset: 20 })}`);
    expect(new URLSearchParams(third.body.result._links.prev.split('?')[1]).get('offset')).toBe('10');
    expect(new URLSearchParams(third.body.result._links.start.split('?')[1]).has('offset')).toBe(false);
  });

  test('_links of a POST with a JSON body on /api/action/, or of d4c path parameters, carry the body\'s parameters; d4c\'s 2.0 route has no _links', async () => {
    const body = { resource_id: LIEUX, filters: { type_tournage: 'Série TV', ardt_lieu: ['75018', '75011'] }, q: 'rue', fields: ['id_lieu', 'ardt_lieu'], sort: '_id desc', limit: 7 };
    const first = await request(app).post('/api/action/datastore_search').send(body);
    expect(first.body.result._links.next.split('?')[0]).toBe('/api/action/datastore_search');
    expect(await followNext(first)).toEqual(expectedRows);
    const inPath = await request(app).get(`/default/api/3/action/datastore_search/resource_id=${LIEUX}&limit=3&fields=id_lieu`);
    expect(inPath.body.result._links.next).toBe(`/default/api/3/action/datastore_search?resource_id=${LIEUX}&limit=3&fields=id_lieu&offset=3`);
    const portal = await d4c({ resource_id: LIEUX, limit: 3 });
    expect([portal.status, '_links' in portal.body.result]).toEqual([200, false]);
  });

  // Issue 13 §6: these were 500s (the echo parsed `filters` before it was validated). CKAN's
  // json_validator refuses any text json.loads refuses, a blank one included (reference/ckan-d4c.md).
  const ROUTES = ['/api/3/action/datastore_search', '/api/action/datastore_search', '/api/records/2.0/search', '/d4c/api/records/2.0/search', '/default/api/3/action/datastore_search'];
  test.each(ROUTES)('filters that are not a JSON object: CKAN\'s 409 on %s, by GET, POST form and POST JSON', async (route) => {
    const answers = [];
    for (const filters of ['{bad', '{"a":1,}', '', ' ', '{"a":']) {
      answers.push(await request(app).get(`${route}?${queryString({ resource_id: LIEUX, filters })}`));
      answers.push(await request(app).post(route).type('form').send({ resource_id: LIEUX, filters }));
      answers.push(await request(app).post(route).send({ resource_id: LIEUX, filters }));
    }
    const seen = answers.map((a) => [a.status, a.body.success, a.body.error?.__type, a.body.error?.filters]);
    expect(seen).toEqual(answers.map(() => [409, false, 'Validation Error', ['Cannot parse JSON']]));
  });
});

describe('/api/records/2.0/search with ODS-style parameters', () => {
  test('d4c path parameters; no help; counts and facet trees equal to the ODS endpoint\'s', async () => {
    const inPath = await request(app).get(`/api/records/2.0/search/resource_id=${resourceId}&limit=2`);
    expect([inPath.status, inPath.body.success, 'help' in inPath.body, inPath.body.result.records.length]).toEqual([200, true, false, 2]);
    const filters = { 'refine.annee_tournage': '2019', 'exclude.type_tournage': 'Long métrage', facet: ['type_tournage', 'date_debut'], 'refine.date_debut': '2019/06' };
    const ods = await request(app).get(`/api/records/1.0/search?${queryString({ dataset: LIEUX, rows: 0, ...filters })}`);
    const portal = await d4c({ dataset: LIEUX, rows: 0, ...filters });
    expect(portal.body.result.total).toBe(ods.body.nhits);
    expect(portal.body.result.facet_groups).toEqual(ods.body.facet_groups);
  });

  test('disjunctive refines, geofilter, timezone and jsonp', async () => {
    const either = await d4c({ dataset: LIEUX, rows: 0, 'refine.type_tournage': ['Série TV', 'Téléfilm'], 'disjunctive.type_tournage': 'true' });
    expect(either.body.result.total).toBe(raw.filter((r) => ['Série TV', 'Téléfilm'].includes(r['Type de tournage'])).length);
    const inBox = raw.filter((r) => {
      const [lat, lon] = r.geo_point_2d.split(',').map(Number);
      return lat >= 48.85 && lat <= 48.87 && lon >= 2.33 && lon <= 2.36;
    });
    const boxed = await d4c({ dataset: LIEUX, rows: 0, 'geofilter.bbox': '48.85,2.33,48.87,2.36' });
    expect(boxed.body.result.total).toBe(inBox.length);
    // Datetimes come as wall-clock time of `timezone`, across both daylight-saving changes of 2024.
    const wall = (iso: string, timeZone: string) => new Intl.DateTimeFormat('sv-SE', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).format(new Date(iso)).replace(' ', 'T');
    for (const timezone of ['Europe/Paris', 'America/New_York']) {
      const local = await d4c({ dataset: 'datastore-instants', timezone, sort: 'quand asc' });
      expect([timezone, local.body.result.records.map((r: { quand: string }) => r.quand)]).toEqual([timezone, INSTANTS.map((i) => wall(i, timezone))]);
    }
    const json = await d4c({ dataset: LIEUX, rows: 2, sort: '-annee_tournage' });
    const jsonp = await d4c({ dataset: LIEUX, rows: 2, sort: '-annee_tournage', format: 'jsonp', callback: 'cb' });
    expect([jsonp.status, jsonp.headers['content-type'], jsonp.text]).toEqual([200, 'text/javascript; charset=utf-8', `/**/cb(${json.text});`]);
  });

  test('rows/start page like limit/offset; sort=-field is descending; geojson and csv pages parse back', async () => {
    const page = await d4c({ dataset: LIEUX, rows: 5, start: 10, sort: '-annee_tournage', fields: 'id_lieu,annee_tournage,geo_point_2d' });
    expect([page.body.result.limit, page.body.result.offset, page.body.result.records.length]).toEqual([5, 10, 5]);
    expect(page.body.result.records.every((r: { annee_tournage: number }) => r.annee_tournage === Math.max(...raw.map((x) => Number(x['Année du tournage']))))).toBe(true);
    const geo = await d4c({ dataset: LIEUX, rows: 5, start: 10, sort: '-annee_tournage', format: 'geojson' });
    expect(geo.body.type).toBe('FeatureCollection');
    expect(geo.body.features.map((f: { properties: { id_lieu: string } }) => f.properties.id_lieu)).toEqual(page.body.result.records.map((r: { id_lieu: string }) => r.id_lieu));
    const csv = await d4c({ dataset: LIEUX, rows: 5, start: 10, sort: '-annee_tournage', format: 'csv' });
    const rows = parseCsv(csv.text, { delimiter: ';', columns: true }) as Array<Record<string, string>>;
    expect(rows.map((r) => r.id_lieu)).toEqual(page.body.result.records.map((r: { id_lieu: string }) => r.id_lieu));
  });
});
