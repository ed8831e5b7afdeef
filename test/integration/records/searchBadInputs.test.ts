import type { Server } from 'node:http';
import type { Express } from 'express';
import request from 'supertest';
import type { Deps } from '../../../src/execute/deps';
import { createHttpServer } from '../../../src/http/httpServer';
import { ensureFixture } from '../../support/ingestFixture';
import { LIEUX_TEXT_COLUMNS, rawCsvObjects } from '../../support/rawFixtures';
import { matchesBareWord } from '../../support/rawText';
import { testApp } from '../../support/recordsApp';
import { openTestDeps } from '../../support/testDeps';
import { publishTinyCsv } from '../../support/tinyDataset';
import { recordingClient } from '../../support/recordingElasticsearch';

const D = 'dataset=lieux-de-tournage-a-paris';
let deps: Deps & { close(): Promise<void> };
let app: Express;
let server: Server;
beforeAll(async () => {
  deps = await openTestDeps();
  await ensureFixture(deps, 'lieux-de-tournage-a-paris');
  await publishTinyCsv(deps, 'no-geometry', [{ name: 'nom', type: 'text' }], [['a'], ['b']]);
  await publishTinyCsv(deps, 'secret-one', [{ name: 'nom', type: 'text' }], [['a']], { visibility: 'private' });
  await publishTinyCsv(deps, 'draft-one', [{ name: 'nom', type: 'text' }], [['a']], { state: 'draft' });
  app = testApp(deps);
  server = createHttpServer(app);
}, 600000);
afterAll(() => deps.close());

const SEARCH = '/api/records/1.0/search';

/**
 * landscape.md §4.4: each bad input → its 4xx, a JSON body with `error` and `errorcode`, the
 * parameter named where there is one, and nothing internal.
 */
describe('bad inputs to records search', () => {
  test.each([
    ['1 rows=abc', `${D}&rows=abc`, 400, 10010, 'rows'],
    ['1 rows=-1', `${D}&rows=-1`, 400, 10010, 'rows'],
    ['1 start=-5', `${D}&start=-5`, 400, 10010, 'start'],
    ['1 rows=1.5', `${D}&rows=1.5`, 400, 10010, 'rows'],
    ['2 rows above the maximum', `${D}&rows=10001`, 400, 10010, 'rows'],
    ['3 past the window', `${D}&start=9995&rows=10`, 400, 10010, 'rows'],
    ['4 a repeated scalar', `${D}&rows=10&rows=20`, 400, 10010, 'rows'],
    ['5 q[match_all]', `${D}&q[match_all]=1`, 400, 10010, 'q[match_all]'],
    ['5 q[$ne]', `${D}&q[%24ne]=x`, 400, 10010, 'q[$ne]'],
    ['5 refine.city[foo]', `${D}&refine.city[foo]=x`, 400, 10010, 'refine.city[foo]'],
    ['6 __proto__', `${D}&a[__proto__][x]=1`, 400, 10010, 'a[__proto__][x]'],
    ['6 constructor.prototype', `${D}&constructor[prototype][y]=2`, 400, 10010, 'constructor[prototype][y]'],
    ['7 too many parameters', `${D}&${Array.from({ length: 1200 }, (_, i) => `refine.x=${i}`).join('&')}`, 400, 10010, undefined],
    ['9 bad percent-encoding', `${D}&q=%ZZ`, 400, 10010, undefined],
    ['9 %E9 is not UTF-8', `${D}&q=caf%E9`, 400, 10010, undefined],
    ['9 NUL', `${D}&q=a%00b`, 400, 10010, 'q'],
    ['10 dataset ../../etc', 'dataset=../../etc', 400, 10010, 'dataset'],
    ['10 dataset %2e%2e', 'dataset=%2e%2e', 400, 10010, 'dataset'],
    ['10 a 10 KB dataset id', `dataset=${'a'.repeat(10000)}`, 400, 10010, 'dataset'],
    ['10 unicode confusable', 'dataset=lieux-de-tournage-a-p%D0%B0ris', 400, 10010, 'dataset'],
    ['3 no dataset', 'rows=1', 400, 10010, 'dataset'],
    ['11 unknown dataset', 'dataset=no-such-dataset', 404, 10030, 'dataset'],
    ['12 unknown refine field', `${D}&refine.nope=1`, 400, 10010, 'refine.nope'],
    ['12 unknown exclude field', `${D}&exclude.nope=1`, 400, 10010, 'exclude.nope'],
    ['12 unknown sort field', `${D}&sort=-nonexistent`, 400, 10010, 'sort'],
    ['12 unknown fields entry', `${D}&fields=nope`, 400, 10010, 'fields'],
    ['12 unknown facet', `${D}&facet=nope`, 400, 10010, 'facet'],
    ['12 a refine value that is no value of the field', `${D}&refine.date_debut=June`, 400, 10010, 'refine.date_debut'],
    ['12 refine on a geo field', `${D}&refine.geo_point_2d=1`, 400, 10010, 'refine.geo_point_2d'],
    ['14 format=xyz', `${D}&format=xyz`, 400, 10010, 'format'],
    ['15 unbalanced (', `${D}&q=(foo`, 400, 10011, 'q'],
    ['15 unbalanced )', `${D}&q=foo)`, 400, 10011, 'q'],
    ['15 a AND', `${D}&q=a AND`, 400, 10011, 'q'],
    ['15 NOT', `${D}&q=NOT`, 400, 10011, 'q'],
    ['15 :', `${D}&q=:`, 400, 10011, 'q'],
    ['15 field:', `${D}&q=nom_tournage:`, 400, 10011, 'q'],
    ['17 _id:*', `${D}&q=_id:*`, 400, 10011, 'q'],
    ['22 nested 10,000 deep', `${D}&q=${'('.repeat(5000)}a${')'.repeat(5000)}`, 400, 10011, 'q'],
    ['23 2013/02/30', `${D}&q=date_debut>=2013/02/30`, 400, 10011, 'q'],
    ['23 #now(years=-100000)', `${D}&q=date_debut>%23now(years=-100000)`, 400, 10011, 'q'],
    ['23 99999-01-01', `${D}&q=date_debut>99999-01-01`, 400, 10011, 'q'],
    ['24 1e400', `${D}&q=annee_tournage>1e400`, 400, 10011, 'q'],
    ['24 NaN', `${D}&q=annee_tournage>NaN`, 400, 10011, 'q'],
    ['24 Infinity', `${D}&q=annee_tournage>Infinity`, 400, 10011, 'q'],
    ['24 0x10', `${D}&q=annee_tournage>0x10`, 400, 10011, 'q'],
    ['24 --1', `${D}&q=annee_tournage>--1`, 400, 10011, 'q'],
    ['26 timezone=Mars/Olympus', `${D}&timezone=Mars/Olympus`, 400, 10010, 'timezone'],
    ['27 more than 50 facets', `${D}&${Array.from({ length: 51 }, (_, i) => `facet=f${i}`).join('&')}`, 400, 10010, 'facet'],
    ['32 geofilter.distance out of range', `${D}&geofilter.distance=91,181,100`, 400, 10010, 'geofilter.distance'],
    ['35 negative distance', `${D}&geofilter.distance=48.8,2.3,-1`, 400, 10010, 'geofilter.distance'],
    ['35 NaN distance', `${D}&geofilter.distance=48.8,2.3,NaN`, 400, 10010, 'geofilter.distance'],
    ['33 two points', `${D}&geofilter.polygon=(48,2),(49,3)`, 400, 10010, 'geofilter.polygon'],
    ['33 bow-tie', `${D}&geofilter.polygon=(0,0),(1,1),(0,1),(1,0)`, 400, 10010, 'geofilter.polygon'],
    ['33 zero area', `${D}&geofilter.polygon=(48,2),(49,3),(50,4)`, 400, 10010, 'geofilter.polygon'],
    ['33 duplicate vertices only', `${D}&geofilter.polygon=(48,2),(48,2),(48,2),(48,2)`, 400, 10010, 'geofilter.polygon'],
    ['36 inverted latitudes', `${D}&geofilter.bbox=48.9,2.3,48.8,2.4`, 400, 10010, 'geofilter.bbox'],
    ['42 callback=alert(1)//', `${D}&format=jsonp&callback=alert(1)//`, 400, 10010, 'callback'],
    ['42 callback=<script>', `${D}&format=jsonp&callback=%3Cscript%3E`, 400, 10010, 'callback'],
    ['42 a 5,000-character callback', `${D}&format=jsonp&callback=${'a'.repeat(5000)}`, 400, 10010, 'callback'],
    ['42 jsonp without callback', `${D}&format=jsonp`, 400, 10010, 'callback'],
    ['bad pretty_print', `${D}&pretty_print=yes`, 400, 10010, 'pretty_print'],
    ['bad facetsort', `${D}&facet=type_tournage&facetsort.type_tournage=random`, 400, 10010, 'facetsort.type_tournage'],
  ])('%s', async (_name, query, status, errorcode, parameter) => {
    const res = await request(app).get(`${SEARCH}?${query}`);
    expect([res.status, res.headers['content-type']]).toEqual([status, expect.stringMatching(/^application\/json/)]);
    expect(typeof res.body.error).toBe('string');
    // The errorcodes of the README's error table: 10010 bad_parameter, 10011 bad_query, 10030 not_found.
    expect([res.body.errorcode, res.body.parameter]).toEqual([errorcode, parameter]);
    expect(res.text).not.toMatch(/127\.0\.0\.1|9200|5432|stack|Error:|at \//);
  });

  test('8 an over-long URL is a JSON 414 pointing to POST; a body over 1 MB is a 413', async () => {
    const long = await request(server).get(`${SEARCH}?${D}&q=${'a'.repeat(20000)}`);
    expect([long.status, long.body.errorcode, long.body.error]).toEqual([414, 10034, expect.stringMatching(/POST/)]);
    const big = await request(app).post(SEARCH).type('form').send(`${D}&q=${'a'.repeat(1_100_000)}`);
    expect([big.status, big.body.errorcode, typeof big.body.error]).toEqual([413, 10032, 'string']);
  });

  test('17 `OR *:*` is literal text and cannot widen the search; 21 a 2,000-term q is a 400', async () => {
    const a = await request(app).get(`${SEARCH}?${D}&rows=0&q=a`);
    const widened = await request(app).get(`${SEARCH}?${D}&rows=0&q=${encodeURIComponent('a OR *:*')}`);
    expect([widened.status, widened.body.nhits]).toEqual([200, a.body.nhits]);
    const many = await request(app).post(SEARCH).type('form').send(`${D}&q=${Array.from({ length: 2000 }, (_, i) => `w${i % 10}`).join('+')}`);
    expect([many.status, many.body.parameter, many.body.error]).toEqual([400, 'q', expect.stringMatching(/more than 1024 clauses/)]);
  });

  test('13 malformed JSON body, wrong content type, PUT', async () => {
    const json = await request(app).post(SEARCH).set('Content-Type', 'application/json').send('{"dataset": ');
    expect([json.status, json.body.errorcode]).toEqual([400, 10012]);
    const xml = await request(app).post(SEARCH).set('Content-Type', 'text/xml').send('<dataset/>');
    expect([xml.status, xml.body.errorcode]).toEqual([415, 10033]);
    const put = await request(app).put(`${SEARCH}?${D}`);
    expect([put.status, put.body.errorcode, put.headers.allow]).toEqual([405, 10031, 'GET, HEAD, POST']);
    const nested = await request(app).post(SEARCH).send({ dataset: 'lieux-de-tournage-a-paris', q: { match_all: {} } });
    expect([nested.status, nested.body.errorcode, nested.body.parameter]).toEqual([400, 10010, 'q']);
  });

  // Issue 13 §6: 5,000 levels were a 500 (a RangeError while the body's objects were re-serialised).
  test('22 a JSON body nested 5,000 levels deep is refused for its nesting: 400 on ODS routes, CKAN\'s 409 on CKAN ones', async () => {
    const deep = (open: string, close: string, n: number) => `${open.repeat(n)}1${close.repeat(n)}`;
    const post = (path: string, body: string) => request(app).post(path).set('Content-Type', 'application/json').send(body);
    const ods = await post(SEARCH, `{"dataset": "lieux-de-tournage-a-paris", "q": ${deep('{"a":', '}', 5000)}}`);
    expect([ods.status, ods.body.errorcode, ods.body.error]).toEqual([400, 10012, expect.stringMatching(/deeper than 20 levels/)]);
    const ckan = [
      await post('/api/3/action/datastore_search', `{"resource_id": "lieux-de-tournage-a-paris", "filters": ${deep('{"a":', '}', 5000)}}`),
      await post('/api/records/2.0/search', `{"resource_id": "lieux-de-tournage-a-paris", "q": ${deep('{"a":', '}', 5000)}}`),
      await post('/api/3/action/package_search', `{"facet.field": ${deep('[', ']', 200_000)}}`),
    ];
    expect(ckan.map((r) => [r.status, r.body.error.__type, r.body.error.message])).toEqual(ckan.map(() => [409, 'Validation Error', expect.stringMatching(/deeper than 20 levels/)]));
    // CKAN's own shapes, a few levels deep, still pass.
    const filters = await post('/api/3/action/datastore_search', '{"resource_id": "lieux-de-tournage-a-paris", "filters": {"ardt_lieu": ["75013", "75018"]}, "limit": 0}');
    expect([filters.status, filters.body.success]).toEqual([200, true]);
  });

  // Issue 13 §6: Elasticsearch refuses a distance of 0; search gave a vague 400 and download cut its stream.
  test('35 geofilter.distance and #distance with a distance of 0, below 0 or none: a 400 naming the parameter, before any Elasticsearch call', async () => {
    const recording = recordingClient();
    const offline = testApp({ ...deps, es: recording.client });
    const bad = ['48.8,2.3,0', '48.8,2.3,-0', '48.8,2.3,0.000', '48.8,2.3,-5', '48.8,2.3', '48.8,2.3,', `48.8,2.3,0.${'0'.repeat(400)}1`];
    const endpoints = ['search', 'download', 'geocluster?clusterprecision=5&', 'boundingbox', 'analyze?y.n.func=COUNT&'].map((e) => `/api/records/1.0/${e}${e.includes('?') ? '' : '?'}`);
    const answers: unknown[] = [];
    const expected: unknown[] = [];
    for (const endpoint of endpoints) {
      for (const distance of bad) {
        const res = await request(offline).get(`${endpoint}${D}&geofilter.distance=${encodeURIComponent(distance)}`);
        answers.push([endpoint, distance, res.status, res.body.parameter, res.body.error]);
        expected.push([endpoint, distance, 400, 'geofilter.distance', expect.stringMatching(/metres/)]);
      }
      const q = await request(offline).get(`${endpoint}${D}&q=${encodeURIComponent('#distance(geo_point_2d, "48.8,2.3", 0)')}`);
      answers.push([endpoint, '#distance', q.status, q.body.parameter, q.body.error]);
      expected.push([endpoint, '#distance', 400, 'q', expect.stringMatching(/greater than 0/)]);
    }
    expect(answers).toEqual(expected);
    expect(recording.calls).toEqual([]);
    // A small positive distance reaches Elasticsearch and answers.
    const tiny = await request(app).get(`${SEARCH}?${D}&rows=0&geofilter.distance=48.8,2.3,0.001`);
    expect([tiny.status, tiny.body.nhits]).toEqual([200, 0]);
  });

  test('14 geojson on a dataset without geometry is a 400; 11 an unknown record is a 404', async () => {
    const res = await request(app).get('/api/records/1.0/search?dataset=no-geometry&format=geojson');
    expect([res.status, res.body.parameter, res.body.error]).toEqual([400, 'format', expect.stringMatching(/no geographic field/)]);
    expect((await request(app).get('/api/records/1.0/search?dataset=no-geometry')).body.nhits).toBe(2);
    const lookup = await request(app).get('/api/datasets/1.0/lieux-de-tournage-a-paris/records/0000000000000000000000000000000000000000');
    expect([lookup.status, lookup.body.error]).toEqual([404, expect.stringMatching(/Unknown record/)]);
  });

  test('11/30 a private or draft dataset answers exactly like a missing one, on search and lookup', async () => {
    const body = async (id: string) => {
      const res = await request(app).get(`${SEARCH}?dataset=${id}&facet=nom`);
      return [res.status, res.body.error.replace(id, 'X'), res.body.errorcode];
    };
    const missing = await body('never-published');
    expect(missing[0]).toBe(404);
    expect(await body('secret-one')).toEqual(missing);
    expect(await body('draft-one')).toEqual(missing);
    const record = await request(app).get('/api/datasets/1.0/secret-one/records/0000000000000000000000000000000000000000');
    expect([record.status, record.body.error]).toEqual([404, 'Unknown dataset: secret-one']);
  });

  test('42 JSONP refused for POST, for requests with credentials, and errors are never wrapped', async () => {
    const post = await request(app).post(SEARCH).type('form').send(`${D}&format=jsonp&callback=cb`);
    expect([post.status, post.body.parameter]).toEqual([400, 'format']);
    // A valid key gets the 400 (test/integration/visibility.test.ts); a key nobody issued is refused first, in JSON.
    const keyed = await request(app).get(`${SEARCH}?${D}&format=jsonp&callback=cb&apikey=secret-key-nobody-issued`);
    expect([keyed.status, keyed.body.parameter, keyed.headers['content-type']]).toEqual([401, 'apikey', expect.stringMatching(/^application\/json/)]);
    const header = await request(app).get(`${SEARCH}?${D}&format=jsonp&callback=cb`).set('Authorization', 'Apikey secret-key-nobody-issued');
    expect([header.status, header.headers['content-type']]).toEqual([401, expect.stringMatching(/^application\/json/)]);
    const cookie = await request(app).get(`${SEARCH}?${D}&format=jsonp&callback=cb`).set('Cookie', 'session=1');
    expect([cookie.status, cookie.body.parameter]).toEqual([400, 'format']);
    const failing = await request(app).get(`${SEARCH}?${D}&format=jsonp&callback=cb&q=(`);
    expect([failing.status, failing.headers['content-type']]).toEqual([400, expect.stringMatching(/^application\/json/)]);
  });

  test('16 reserved characters are text; 18–20 wildcard, regex and fuzzy syntax is text; 23 an inverted range is empty', async () => {
    const raw = rawCsvObjects('lieux-de-tournage-a-paris.csv');
    // Each is one bare word whose letters and digits are searched as words: `*ville` finds "ville…", not "…ville";
    // `paris~2` is "paris" then "2…", not a fuzzy "paris"; `/(a+)+b/`'s words are "a" and "b".
    const texts = (r: Record<string, string>) => LIEUX_TEXT_COLUMNS.map((c) => r[c]);
    for (const q of ['C++', 'AT&T', '3/4', 'e-mail', '*ville', 'paris~2', 'rue~']) {
      const expected = raw.filter((r) => matchesBareWord(texts(r), q)).length;
      const res = await request(app).get(`${SEARCH}?${D}&rows=0&q=${encodeURIComponent(q)}`);
      expect([q, res.status, res.body.nhits]).toEqual([q, 200, expected]);
    }
    // `/(a+)+b/` reads `/ AND (a+) AND +b/`: parentheses group, the rest is text; a word with no letter or digit asks nothing.
    for (const [q, expected] of [
      ['/(a+)+b/', raw.filter((r) => matchesBareWord(texts(r), 'a+') && matchesBareWord(texts(r), '+b/')).length],
      ['(36/2005)', raw.filter((r) => matchesBareWord(texts(r), '36/2005')).length],
      ['?????', raw.length],
    ] as const) {
      const res = await request(app).get(`${SEARCH}?${D}&rows=0&q=${encodeURIComponent(q)}`);
      expect([q, res.status, res.body.nhits]).toEqual([q, 200, expected]);
    }
    const inverted = await request(app).get(`${SEARCH}?${D}&rows=0&q=${encodeURIComponent('annee_tournage:[2020 TO 2016]')}`);
    expect([inverted.status, inverted.body.nhits]).toEqual([200, 0]);
  });
});
