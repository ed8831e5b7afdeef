import type { Express } from 'express';
import * as jsonldLib from 'jsonld';
import { Parser, Store, DataFactory, type Quad } from 'n3';
import request from 'supertest';
import type { Deps } from '../../../src/execute/deps';
import { ensureParisDomain, PARIS_DOMAIN_ENTRIES } from '../../support/parisCatalog';
import { testApp } from '../../support/recordsApp';
import { openTestDeps } from '../../support/testDeps';
import { publishTinyCsv } from '../../support/tinyDataset';
import { createApiKey } from '../../../src/execute/apiKeyStore';
import { fromRdfXml, fromTurtle as quadsOfTurtle, reachable, sameGraph } from '../../support/rdfGraphs';

const { namedNode } = DataFactory;
const DCAT = 'http://www.w3.org/ns/dcat#';
const DCT = 'http://purl.org/dc/terms/';
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';

let deps: Deps & { close(): Promise<void> };
let app: Express;
let key: string;
beforeAll(async () => {
  deps = await openTestDeps();
  await ensureParisDomain(deps);
  await publishTinyCsv(deps, 'dcat-open', [{ name: 'nom', type: 'text' }], [['a'], ['b']]);
  await publishTinyCsv(deps, 'dcat-secret', [{ name: 'nom', type: 'text' }], [['a']], { visibility: 'private' });
  app = testApp(deps);
  key = (await createApiKey(deps.pool, 'default', 'dcat')).key;
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

/** Every request names the same host, so that the IRIs of separate requests can be compared. */
const HOST = 'portal.example';
const get = (path: string, accept?: string) => {
  const r = request(app).get(path).set('Host', HOST);
  return accept ? r.set('Accept', accept) : r;
};
const jsonldQuads = async (text: string): Promise<Quad[]> =>
  quadsOfTurtle(await jsonldLib.toRDF(JSON.parse(text) as jsonldLib.JsonLdDocument, { format: 'application/n-quads' }) as unknown as string, 'N-Quads');

describe('RDF/XML', () => {
  test('is the same graph as the Turtle (read by rdfxml-streaming-parser and n3, compared by rdf-isomorphic)', async () => {
    const xml = await get('/paris/api/v2/catalog/exports/dcat.rdf');
    expect([xml.status, xml.headers['content-type']]).toEqual([200, 'application/rdf+xml; charset=utf-8']);
    const ttl = quadsOfTurtle((await get('/paris/api/v2/catalog/exports/dcat.ttl')).text);
    const fromXml = await fromRdfXml(xml.text);
    // The same number of statements, and the same graph once blank nodes are matched.
    expect(new Store(fromXml).size).toBe(new Store(ttl).size);
    expect(sameGraph(fromXml, ttl)).toBe(true);
    // Not vacuous: the graph holds a dataset per entry of the domain.
    expect(new Store(fromXml).getSubjects(namedNode(RDF_TYPE), namedNode(`${DCAT}Dataset`), null).length).toBe(PARIS_DOMAIN_ENTRIES.length);
  });

  test.each([
    ['/paris/api/v2/catalog/exports/dcat.xml', undefined],
    ['/paris/api/v2/catalog/exports/dcat', 'application/rdf+xml'],
    ['/paris/api/v2/catalog/exports/dcat', 'text/html, application/rdf+xml;q=0.9'],
  ])('%s (Accept %s) is the same document as .rdf', async (path, accept) => {
    const res = await get(path, accept);
    expect([res.status, res.headers['content-type']]).toEqual([200, 'application/rdf+xml; charset=utf-8']);
    expect(res.text).toBe((await get('/paris/api/v2/catalog/exports/dcat.rdf')).text);
  });
});

describe('one dataset as DCAT-AP', () => {
  const path = '/api/v2/catalog/datasets/dcat-open/exports/dcat';
  const ds = `http://${HOST}/api/datasets/1.0/dcat-open`;

  test('Turtle, JSON-LD and RDF/XML (by extension and by Accept) are the same graph: the dataset as the catalog export shows it', async () => {
    const catalog = quadsOfTurtle((await get('/api/v2/catalog/exports/dcat.ttl')).text);
    const ttl = await get(`${path}.ttl`);
    expect([ttl.status, ttl.headers['content-type']]).toEqual([200, 'text/turtle; charset=utf-8']);
    const graph = quadsOfTurtle(ttl.text);
    expect(sameGraph(graph, reachable(catalog, ds))).toBe(true);
    expect(new Store(graph).getSubjects(namedNode(RDF_TYPE), namedNode(`${DCAT}Dataset`), null).map((s) => s.value)).toEqual([ds]);
    expect(new Store(graph).getSubjects(namedNode(RDF_TYPE), namedNode(`${DCAT}Catalog`), null)).toEqual([]);
    for (const [suffix, accept, type] of [['.jsonld', undefined, 'application/ld+json'], ['', 'application/ld+json', 'application/ld+json'], ['.rdf', undefined, 'application/rdf+xml'], ['', 'application/rdf+xml', 'application/rdf+xml'], ['', 'text/turtle', 'text/turtle']] as const) {
      const res = await get(`${path}${suffix}`, accept);
      expect([suffix, accept, res.status, res.headers['content-type']]).toEqual([suffix, accept, 200, `${type}; charset=utf-8`]);
      const back = type === 'application/ld+json' ? await jsonldQuads(res.text) : type === 'application/rdf+xml' ? await fromRdfXml(res.text) : quadsOfTurtle(res.text);
      expect([suffix, accept, sameGraph(back, graph)]).toEqual([suffix, accept, true]);
    }
  });

  test('a dataset of a domain, under its domain prefix; not from a domain that does not hold it', async () => {
    const [entry] = PARIS_DOMAIN_ENTRIES;
    const res = await get(`/paris/api/v2/catalog/datasets/${entry.id}/exports/dcat.ttl`);
    expect(res.status).toBe(200);
    const store = fromTurtle(res.text);
    expect(objects(store, `http://${HOST}/paris/api2/datasets/${entry.id}`, `${DCT}title`)).toEqual([entry.m.title]);
    const elsewhere = await get('/paris/api/v2/catalog/datasets/dcat-open/exports/dcat.ttl');
    expect(elsewhere.status).toBe(404);
    // `id@paris` from the default domain: the same graph, named by the dataset's IRIs in its own domain.
    const byRef = await get(`/api/v2/catalog/datasets/${entry.id}@paris/exports/dcat.ttl`);
    expect(byRef.status).toBe(200);
    expect(sameGraph(quadsOfTurtle(byRef.text), quadsOfTurtle(res.text))).toBe(true);
  });

  test('a private dataset is a 404 (the same as an unknown one) but to its domain\'s key holder', async () => {
    const secret = await get('/api/v2/catalog/datasets/dcat-secret/exports/dcat.ttl');
    const unknown = await get('/api/v2/catalog/datasets/dcat-nothing/exports/dcat.ttl');
    expect([secret.status, secret.headers['content-type']]).toEqual([404, 'application/json; charset=utf-8']);
    expect([unknown.status, (secret.body as { error: string }).error.replace('dcat-secret', 'X')]).toEqual([404, (unknown.body as { error: string }).error.replace('dcat-nothing', 'X')]);
    const held = await get(`/api/v2/catalog/datasets/dcat-secret/exports/dcat.ttl?apikey=${key}`);
    expect(held.status).toBe(200);
    expect(objects(fromTurtle(held.text), `http://${HOST}/api/datasets/1.0/dcat-secret`, `${DCT}identifier`)).toEqual(['dcat-secret']);
  });
});
