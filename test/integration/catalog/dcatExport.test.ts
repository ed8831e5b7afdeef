import type { Express } from 'express';
import * as jsonldLib from 'jsonld';
import { Parser, Store, DataFactory } from 'n3';
import request from 'supertest';
import type { Deps } from '../../../src/execute/deps';
import { ensureParisDomain, PARIS_DOMAIN_ENTRIES } from '../../support/parisCatalog';
import { testApp } from '../../support/recordsApp';
import { openTestDeps } from '../../support/testDeps';
import { publishTinyCsv } from '../../support/tinyDataset';

const { namedNode } = DataFactory;
const DCAT = 'http://www.w3.org/ns/dcat#';
const DCT = 'http://purl.org/dc/terms/';
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';

let deps: Deps & { close(): Promise<void> };
let app: Express;
beforeAll(async () => {
  deps = await openTestDeps();
  await ensureParisDomain(deps);
  await publishTinyCsv(deps, 'dcat-open', [{ name: 'nom', type: 'text' }], [['a'], ['b']]);
  await publishTinyCsv(deps, 'dcat-secret', [{ name: 'nom', type: 'text' }], [['a']], { visibility: 'private' });
  app = testApp(deps);
}, 600000);
afterAll(() => deps.close());

/** Turtle read by n3's parser into a store. */
const fromTurtle = (text: string): Store => new Store(new Parser().parse(text));
const objects = (store: Store, s: string, p: string): string[] => store.getObjects(namedNode(s), namedNode(p), null).map((o) => o.value);
const subjectsOfType = (store: Store, type: string): string[] => store.getSubjects(namedNode(RDF_TYPE), namedNode(type), null).map((s) => s.value);

describe('the catalog as DCAT-AP', () => {
  test('Turtle, by extension and by Accept: every mandatory DCAT-AP property, one dcat:Dataset per visible entry', async () => {
    const byExt = await request(app).get('/paris/api/v2/catalog/exports/dcat.ttl');
    expect([byExt.status, byExt.headers['content-type']]).toEqual([200, 'text/turtle; charset=utf-8']);
    const byAccept = await request(app).get('/paris/api/v2/catalog/exports/dcat').set('Accept', 'text/turtle');
    expect(byAccept.text.length).toBeGreaterThan(0);
    const store = fromTurtle(byExt.text);
    const [catalog] = subjectsOfType(store, `${DCAT}Catalog`);
    // dcat:Catalog: title, description, publisher (mandatory), and its datasets.
    for (const p of ['title', 'description', 'publisher']) expect([p, objects(store, catalog, `${DCT}${p}`).length]).toEqual([p, 1]);
    const datasets = objects(store, catalog, `${DCAT}dataset`);
    expect(datasets.length).toBe(PARIS_DOMAIN_ENTRIES.length);
    expect(subjectsOfType(store, `${DCAT}Dataset`).sort()).toEqual([...datasets].sort());
    // dcat:Dataset: title and description (mandatory); the titles are the raw catalog's.
    const titles = datasets.map((d) => objects(store, d, `${DCT}title`));
    expect(titles.every((t) => t.length === 1)).toBe(true);
    expect(titles.map((t) => t[0]).sort()).toEqual(PARIS_DOMAIN_ENTRIES.map((e) => e.m.title).sort());
    expect(datasets.every((d) => objects(store, d, `${DCT}description`).length === 1)).toBe(true);
    // dcat:Distribution: an access URL (mandatory).
    for (const dist of subjectsOfType(store, `${DCAT}Distribution`)) expect([dist, objects(store, dist, `${DCAT}accessURL`).length]).toEqual([dist, 1]);
  });

  test('a dataset with records has one distribution per download format, whose URLs download it; a private dataset is not listed', async () => {
    const store = fromTurtle((await request(app).get('/api/v2/catalog/exports/dcat.ttl')).text);
    const datasets = subjectsOfType(store, `${DCAT}Dataset`);
    const open = datasets.find((d) => d.endsWith('/api/datasets/1.0/dcat-open'))!;
    expect(datasets.some((d) => d.endsWith('/dcat-secret'))).toBe(false);
    const dists = objects(store, open, `${DCAT}distribution`);
    expect(dists.map((d) => objects(store, d, `${DCAT}mediaType`)[0]).sort()).toEqual(['http://www.iana.org/assignments/media-types/application/json', 'http://www.iana.org/assignments/media-types/text/csv']);
    for (const d of dists) {
      const url = new URL(objects(store, d, `${DCAT}downloadURL`)[0]);
      const res = await request(app).get(`${url.pathname}${url.search}`);
      expect([url.searchParams.get('format'), res.status]).toEqual([url.searchParams.get('format'), 200]);
    }
  });

  test('JSON-LD holds the same statements as Turtle (read back by the jsonld library)', async () => {
    const ttl = fromTurtle((await request(app).get('/paris/api/v2/catalog/exports/dcat.ttl')).text);
    const res = await request(app).get('/paris/api/v2/catalog/exports/dcat').set('Accept', 'application/ld+json');
    expect(res.headers['content-type']).toBe('application/ld+json; charset=utf-8');
    const nquads = await jsonldLib.toRDF(JSON.parse(res.text) as jsonldLib.JsonLdDocument, { format: 'application/n-quads' }) as unknown as string;
    const fromJsonld = new Store(new Parser({ format: 'N-Quads' }).parse(nquads));
    expect(fromJsonld.size).toBe(ttl.size);
    // Every statement about named things is in both (blank nodes are renamed by each reader).
    // Each request came to a server on a port of its own: the site is compared without it.
    const site = (v: string) => v.replace(/^http:\/\/127\.0\.0\.1:\d+/, 'http://site');
    const named = (s: Store) => s.getQuads(null, null, null, null).filter((q) => q.subject.termType === 'NamedNode' && q.object.termType !== 'BlankNode').map((q) => `${site(q.subject.value)} ${q.predicate.value} ${site(q.object.value)}`).sort();
    expect(named(fromJsonld)).toEqual(named(ttl));
  });
});
