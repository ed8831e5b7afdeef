import type { Express } from 'express';
import request from 'supertest';
import { upsertDomain } from '../../src/execute/datasetStore';
import type { Deps } from '../../src/execute/deps';
import { recordsAlias } from '../../src/schema/indexNames';
import { upgradeRecordIndices } from '../../src/usecases/upgradeRecordIndices';
import { matchesBareWord, uaxWords } from '../support/rawText';
import { testApp } from '../support/recordsApp';
import { queryString } from '../support/searchRequest';
import { openTestDeps } from '../support/testDeps';
import { publishTinyCsv } from '../support/tinyDataset';

/**
 * SPEC §1 and issue 13: French elided articles (`l'`, `d'`, `qu'`…) are words of their own, in the
 * indexed text and in the query, whatever the apostrophe: straight ('), typographic (U+2019) or
 * modifier letter (U+02BC). The expected rows are read off the raw titles below.
 */
const TITLES: Array<[number, string]> = [
  [1, "Vacances d'Été"],
  [2, 'Vacances d\u2019Été à Paris'],
  [3, 'Vacances d\u02bcÉté'],
  [4, 'Boulevard de l\u2019Hôpital'],
  [5, "Quai d'Orsay"],
  [6, 'Quai d\u02bcOrsay'],
  [7, 'Jusqu\u2019à l\u2019aube, qu\u2019il pleuve'],
  [8, 'Aujourd\u2019hui'],
  [9, 'Été indien'],
  [10, 'Orsay, quai des Célestins'],
  [11, "L'Hôpital-Saint-Louis"],
  [12, "Puisqu'on lorsqu\u2019il s'il n'est c'est m'a t'as j'ai"],
];
const DATASET = 'elision-records';
const SEARCH = '/api/records/1.0/search';

let deps: Deps & { close(): Promise<void> };
let app: Express;

beforeAll(async () => {
  deps = await openTestDeps();
  await publishTinyCsv(deps, DATASET, [{ name: 'n', type: 'int' }, { name: 'titre', type: 'text' }], TITLES.map(([n, t]) => [String(n), t]));
  await upsertDomain(deps.pool, { id: 'elision', title: 'Élision', includePublic: false });
  for (const [id, title] of CATALOG) await publishTinyCsv(deps, id, [{ name: 'nom', type: 'text' }], [['x']], { domain: 'elision', metadata: { title } });
  app = testApp(deps);
}, 600000);
afterAll(() => deps.close());

/** The `n` of every record `q` finds, in order. */
const found = async (q: string): Promise<number[]> => {
  const res = await request(app).get(`${SEARCH}?${queryString({ dataset: DATASET, q, rows: 100 })}`);
  if (res.status !== 200) throw new Error(`${q}: ${res.status} ${res.text}`);
  return (res.body.records as Array<{ fields: { n: number } }>).map((r) => r.fields.n).sort((a, b) => a - b);
};

describe('records search: an elided article is cut from its word, in the text and in the query', () => {
  test.each([
    ['ete', [1, 2, 3, 9]],
    ['été', [1, 2, 3, 9]],
    ['ÉTÉ', [1, 2, 3, 9]],
    ["d'ete", [1, 2, 3]],
    ['d\u2019été', [1, 2, 3]],
    ['d\u02bcete', [1, 2, 3]],
    ['hopital', [4, 11]],
    ["l'hopital", [4, 11]],
    ['"l\u2019hôpital"', [4, 11]],
    ['"l\u02bchopital"', [4, 11]],
    ['orsay', [5, 6, 10]],
    ['aube', [7]],
    ['pleuve', [7]],
    ['il', [7, 12]],
    ['on', [12]],
    ['est', [12]],
    ['as', [12]],
    ['ai', [12]],
    ['titre:ete', [1, 2, 3, 9]],
    ['titre:"d\u2019ete"', [1, 2, 3]],
  ])('q=%s', async (q, expected) => {
    expect(await found(q)).toEqual(expected);
  });

  test('phrases still need their words in order, article included', async () => {
    expect(await found('"quai d\'orsay"')).toEqual([5, 6]);
    expect(await found('"quai d\u2019orsay"')).toEqual([5, 6]);
    expect(await found('"quai orsay"')).toEqual([]);
    expect(await found('"vacances d\'ete"')).toEqual([1, 2, 3]);
    expect(await found('"vacances ete"')).toEqual([]);
  });

  test('an apostrophe that elides nothing keeps its word whole, whichever apostrophe it is', async () => {
    expect(await found('aujourd\'hui')).toEqual([8]);
    expect(await found('aujourd\u2019hui')).toEqual([8]);
    expect(await found('hui')).toEqual([]);
  });

  test('#exact and == still compare the whole value as written, apostrophe included', async () => {
    expect(await found('#exact(titre, "Vacances d\'Été")')).toEqual([1]);
    expect(await found('#exact(titre, "Vacances d\u2019Été à Paris")')).toEqual([2]);
    expect(await found('titre=="Quai d\u02bcOrsay"')).toEqual([6]);
    expect(await found('#exact(titre, "Vacances d\'ete")')).toEqual([]);
  });

  test('every bare word of every title finds exactly the titles whose words (articles cut) hold it', async () => {
    // The tests' own word splitting (test/support/rawText.ts), on the raw titles.
    const words = [...new Set(TITLES.flatMap(([, t]) => t.split(/\s+/)))];
    for (const word of words) {
      const expected = TITLES.filter(([, t]) => matchesBareWord([t], word)).map(([n]) => n);
      expect([word, await found(word)]).toEqual([word, expected]);
    }
    expect(uaxWords(TITLES[6][1])).toEqual(['jusqu', 'a', 'l', 'aube', 'qu', 'il', 'pleuve']);
  });
});

const CATALOG: Array<[string, string]> = [
  ['elision-cat-a', 'Fréquentation de l\u2019Hôpital Saint-Louis'],
  ['elision-cat-b', "Vacances d'Été"],
  ['elision-cat-c', 'Quai d\u02bcOrsay : accès'],
  ['elision-cat-d', 'Hôpital et été, quai et Orsay'],
];

describe('catalog search: the same in titles', () => {
  const odsIds = async (q: string): Promise<string[]> => {
    const res = await request(app).get(`/elision/api2/datasets/search?${queryString({ q, rows: 100 })}`);
    if (res.status !== 200) throw new Error(`${q}: ${res.status} ${res.text}`);
    return (res.body.datasets as Array<{ datasetid: string }>).map((d) => d.datasetid).sort();
  };
  const ckanIds = async (q: string): Promise<string[]> => {
    const res = await request(app).get(`/elision/api/3/action/package_search?${queryString({ q, rows: 100 })}`);
    if (res.status !== 200) throw new Error(`${q}: ${res.status} ${res.text}`);
    return (res.body.result.results as Array<{ name: string }>).map((d) => d.name).sort();
  };

  test.each([
    ['hopital', ['elision-cat-a', 'elision-cat-d']],
    ["l'hopital", ['elision-cat-a']],
    ['"l\u2019hôpital"', ['elision-cat-a']],
    ['ete', ['elision-cat-b', 'elision-cat-d']],
    ['d\u2019ete', ['elision-cat-b']],
    ['orsay', ['elision-cat-c', 'elision-cat-d']],
    ['"quai d\'orsay"', ['elision-cat-c']],
    ['title:ete', ['elision-cat-b', 'elision-cat-d']],
  ])('ODS q=%s', async (q, expected) => {
    expect(await odsIds(q)).toEqual(expected);
  });

  test.each([
    ['hopital', ['elision-cat-a', 'elision-cat-d']],
    ['title:ete', ['elision-cat-b', 'elision-cat-d']],
    ['title:orsay', ['elision-cat-c', 'elision-cat-d']],
  ])('CKAN q=%s', async (q, expected) => {
    expect(await ckanIds(q)).toEqual(expected);
  });
});

describe('record indices built before elisions were split are rebuilt on start', () => {
  test('an index in an older format is rebuilt from PostgreSQL, and then found by the new folding', async () => {
    await publishTinyCsv(deps, 'elision-upgrade', [{ name: 'titre', type: 'text' }], [['Vacances d\u2019Été']]);
    const alias = recordsAlias(deps.indexPrefix, 'elision-upgrade');
    // What an earlier version wrote: no format in _meta, and the apostrophe kept inside the word.
    const hits = await deps.es.search<Record<string, unknown>>({ index: alias, size: 10 });
    const [hit] = hits.hits.hits;
    await deps.es.update({ index: hit._index, id: hit._id!, doc: { t: { titre: 'vacances d\u2019ete' } }, refresh: 'wait_for' });
    await deps.es.indices.putMapping({ index: hit._index, _meta: {} });
    const q = (text: string) => request(app).get(`${SEARCH}?${queryString({ dataset: 'elision-upgrade', q: text, rows: 0 })}`);
    expect((await q('ete')).body.nhits).toBe(0);
    // Another API process on the same database is upgrading (it holds the upgrade's advisory lock): this one leaves it.
    const other = await deps.pool.connect();
    try {
      await other.query('SELECT pg_advisory_lock(7302020)');
      expect(await upgradeRecordIndices(deps)).toEqual({ elsewhere: true, rebuilt: [], failed: [] });
      expect((await q('ete')).body.nhits).toBe(0);
    } finally {
      await other.query('SELECT pg_advisory_unlock(7302020)');
      other.release();
    }
    const first = await upgradeRecordIndices(deps);
    expect(first.rebuilt).toContain('elision-upgrade');
    expect(first.rebuilt).not.toContain(DATASET);
    expect((await q('ete')).body.nhits).toBe(1);
    expect((await upgradeRecordIndices(deps)).rebuilt).toEqual([]);
  });
});
