import type { Express } from 'express';
import { DataFactory, Store, type Quad } from 'n3';
import request from 'supertest';
import type { Deps } from '../../../src/execute/deps';
import { ensureParisDomain, PARIS_DOMAIN_ENTRIES, rawParisCatalog } from '../../support/parisCatalog';
import { fromTurtle, reachable } from '../../support/rdfGraphs';
import { testApp } from '../../support/recordsApp';
import { DCAT_AP_SHAPES, validateShacl } from '../../support/shacl';
import { openTestDeps } from '../../support/testDeps';
import { publishTinyCsv } from '../../support/tinyDataset';

const { namedNode } = DataFactory;
const DCAT = 'http://www.w3.org/ns/dcat#';
const DCT = 'http://purl.org/dc/terms/';
const FOAF = 'http://xmlns.com/foaf/0.1/';
const VCARD = 'http://www.w3.org/2006/vcard/ns#';
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
const XSD = 'http://www.w3.org/2001/XMLSchema#';
const EU = 'http://publications.europa.eu/resource/authority/';
const HOST = 'portal.example';

/** The raw Paris entries the domain holds, with their `dcat` metas (the fixture file, not our output). */
interface RawDcat { creator?: string | null; contact_email?: string | null; contact_name?: string | null; accrualperiodicity?: string | null; temporal?: string | null; temporal_coverage_start?: string | null; publisher_type?: string | null }
const inDomain = new Set(PARIS_DOMAIN_ENTRIES.map((e) => e.id));
const RAW = rawParisCatalog().filter((e) => inDomain.has(e.dataset_id)).map((e) => ({
  id: e.dataset_id, m: e.metas.default, d: ((e.metas as Record<string, unknown>).dcat ?? {}) as RawDcat,
}));

let deps: Deps & { close(): Promise<void> };
let app: Express;
let paris: Quad[];
let store: Store;
/** The default domain's catalog. */
let all: Quad[];
/** A small catalog for the SHACL counter-examples (each validation of a whole catalog takes seconds): the default domain's with `dcat-ap-open` and two other datasets. */
let small: Quad[];
beforeAll(async () => {
  deps = await openTestDeps();
  await ensureParisDomain(deps);
  await publishTinyCsv(deps, 'dcat-ap-open', [{ name: 'nom', type: 'text' }], [['a']], { metadata: { license: 'Open Database License (ODbL)', license_url: 'http://opendatacommons.org/licenses/odbl/' } });
  app = testApp(deps);
  paris = fromTurtle((await request(app).get('/paris/api/v2/catalog/exports/dcat.ttl').set('Host', HOST)).text);
  store = new Store(paris);
  all = fromTurtle((await request(app).get('/api/v2/catalog/exports/dcat.ttl').set('Host', HOST)).text);
  const listed = all.filter((q) => q.predicate.value === `${DCAT}dataset`);
  const keep = new Set([`http://${HOST}/api/datasets/1.0/dcat-ap-open`, ...listed.slice(0, 2).map((q) => q.object.value)]);
  const links = new Set(listed);
  small = reachable(all.filter((q) => !links.has(q) || keep.has(q.object.value)), listed[0].subject.value);
}, 600000);
afterAll(() => deps.close());

const iri = (id: string) => `http://${HOST}/paris/api2/datasets/${id}`;
/** The values of a path of properties from a node. */
const follow = (s: string, ...path: string[]): string[] =>
  path.reduce<Quad['object'][]>((nodes, p) => nodes.flatMap((n) => store.getObjects(n, namedNode(p), null)), [namedNode(s)]).map((o) => o.value);

describe('DCAT-AP 3 properties from the catalog metadata (expected values from the raw Paris catalog)', () => {
  test('dct:creator is an agent named by the raw creator; no creator, no dct:creator', () => {
    const withCreator = RAW.filter((e) => (e.d.creator ?? '').trim() !== '');
    expect(withCreator.length).toBeGreaterThan(50);
    for (const e of RAW) expect([e.id, follow(iri(e.id), `${DCT}creator`, `${FOAF}name`)]).toEqual([e.id, e.d.creator?.trim() ? [e.d.creator.trim()] : []]);
  });

  test('dct:accrualPeriodicity: the EU frequency each unambiguous raw periodicity names, none for the others', () => {
    // The raw catalog's own words, read by this test: one period each, or none without doubt.
    const expected: Record<string, string> = {
      annuelle: 'ANNUAL', mensuelle: 'MONTHLY', quotidienne: 'DAILY', trimestrielle: 'QUARTERLY', semestrielle: 'ANNUAL_2', hebdomadaire: 'WEEKLY',
      horaire: 'HOURLY', minute: '1MIN', continue: 'CONT', 'pas de mise à jour': 'NEVER', 'pas de mises à jour': 'NEVER', aucune: 'NEVER',
    };
    let mapped = 0;
    for (const e of RAW) {
      const code = expected[(e.d.accrualperiodicity ?? '').trim().toLowerCase()];
      if (code) mapped += 1;
      expect([e.id, e.d.accrualperiodicity, follow(iri(e.id), `${DCT}accrualPeriodicity`)]).toEqual([e.id, e.d.accrualperiodicity, code ? [`${EU}frequency/${code}`] : []]);
    }
    expect(mapped).toBeGreaterThan(150);
  });

  test('dcat:contactPoint: a vcard:Kind with the raw e-mail (mailto:) and name', () => {
    const withContact = RAW.filter((e) => e.d.contact_email || e.d.contact_name);
    expect(withContact.length).toBeGreaterThan(40);
    for (const e of RAW) {
      expect([e.id, follow(iri(e.id), `${DCAT}contactPoint`, `${VCARD}hasEmail`)]).toEqual([e.id, e.d.contact_email ? [`mailto:${e.d.contact_email}`] : []]);
      expect([e.id, follow(iri(e.id), `${DCAT}contactPoint`, `${VCARD}fn`)]).toEqual([e.id, e.d.contact_name ? [e.d.contact_name] : []]);
      expect(follow(iri(e.id), `${DCAT}contactPoint`, RDF_TYPE)).toEqual(e.d.contact_email || e.d.contact_name ? [`${VCARD}Kind`] : []);
    }
  });

  test('dct:spatial: a dct:Location whose dcat:bbox (WKT, CRS84) is the box of the raw bbox polygon', () => {
    const withBox = RAW.filter((e) => e.m.bbox);
    expect(withBox.length).toBeGreaterThan(50);
    /** The corners of the box of a ring, west-south first, as the WKT polygon of a box lists them. */
    const corners = (ring: number[][]): number[][] => {
      const [xs, ys] = [ring.map((p) => p[0]), ring.map((p) => p[1])];
      const [w, e, s, n] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
      return [[w, s], [e, s], [e, n], [w, n], [w, s]];
    };
    for (const e of RAW) {
      const wkt = follow(iri(e.id), `${DCT}spatial`, `${DCAT}bbox`);
      const box = wkt.map((w) => /^POLYGON\(\((.*)\)\)$/.exec(w)![1].split(', ').map((p) => p.split(' ').map(Number)));
      const raw = e.m.bbox as { geometry: { coordinates: number[][][] } } | undefined;
      expect([e.id, box]).toEqual([e.id, raw ? [corners(raw.geometry.coordinates[0])] : []]);
    }
    const [one] = withBox;
    const place = store.getObjects(namedNode(iri(one.id)), namedNode(`${DCT}spatial`), null)[0];
    const bbox = store.getObjects(place, namedNode(`${DCAT}bbox`), null)[0];
    expect(bbox.termType === 'Literal' && bbox.datatype.value).toBe('http://www.opengis.net/ont/geosparql#wktLiteral');
  });

  test('dct:temporal: the raw coverage start as dcat:startDate, or the two years of a raw `temporal` like 2013-2014', () => {
    for (const e of RAW) {
      const start = follow(iri(e.id), `${DCT}temporal`, `${DCAT}startDate`);
      const years = /^(\d{4})-(\d{4})$/.exec(e.d.temporal ?? '');
      const expected = e.d.temporal_coverage_start ? [new Date(e.d.temporal_coverage_start).toISOString()] : years ? [years[1]] : [];
      expect([e.id, start]).toEqual([e.id, expected]);
      expect([e.id, follow(iri(e.id), `${DCT}temporal`, `${DCAT}endDate`)]).toEqual([e.id, !e.d.temporal_coverage_start && years ? [years[2]] : []]);
    }
    expect(RAW.filter((e) => e.d.temporal_coverage_start || /^\d{4}-\d{4}$/.test(e.d.temporal ?? '')).length).toBeGreaterThan(5);
  });

  test('publisher with its ADMS type, language as the EU language, themes as keywords and no dcat:theme', () => {
    for (const e of RAW) {
      const publisher = typeof e.m.publisher === 'string' ? [e.m.publisher.trim()] : [];
      expect([e.id, follow(iri(e.id), `${DCT}publisher`, `${FOAF}name`)]).toEqual([e.id, publisher]);
      expect([e.id, follow(iri(e.id), `${DCT}publisher`, `${DCT}type`)]).toEqual([e.id, e.d.publisher_type ? [`http://purl.org/adms/publishertype/${e.d.publisher_type}`] : []]);
      expect([e.id, follow(iri(e.id), `${DCT}language`)]).toEqual([e.id, e.m.language === 'fr' ? [`${EU}language/FRA`] : []]);
      const words = [...((e.m.keyword as string[] | undefined) ?? []), ...((e.m.theme as string[] | undefined) ?? [])];
      expect([e.id, follow(iri(e.id), `${DCAT}keyword`).sort()]).toEqual([e.id, [...new Set(words)].sort()]);
      expect(follow(iri(e.id), `${DCAT}theme`)).toEqual([]);
    }
  });

  test('a distribution carries the licence by its URL and the EU file type of its format', () => {
    const graph = new Store(all);
    const ds = namedNode(`http://${HOST}/api/datasets/1.0/dcat-ap-open`);
    const dists = graph.getObjects(ds, namedNode(`${DCAT}distribution`), null);
    const of = (d: Quad['object'], p: string) => graph.getObjects(d, namedNode(p), null).map((o) => o.value);
    expect(dists.map((d) => [of(d, `${DCT}format`)[0], of(d, `${DCT}license`)]).sort()).toEqual([
      [`${EU}file-type/CSV`, ['http://opendatacommons.org/licenses/odbl/']],
      [`${EU}file-type/JSON`, ['http://opendatacommons.org/licenses/odbl/']],
    ]);
  });
});

describe('SHACL: our DCAT-AP 3 shapes (test/fixtures/shacl) validated by rdf-validate-shacl', () => {
  test('the catalog exports of both domains conform', async () => {
    for (const graph of [paris, all]) {
      const report = await validateShacl(DCAT_AP_SHAPES, graph);
      expect(report.results.slice(0, 5)).toEqual([]);
      expect(report.conforms).toBe(true);
    }
  });

  /** The graph without the statements `drop` picks. */
  const without = (drop: (q: Quad) => boolean): Quad[] => small.filter((q) => !drop(q));
  const first = (type: string): string => small.find((q) => q.predicate.value === RDF_TYPE && q.object.value === type)!.subject.value;

  test.each([
    ['a dataset without dct:title', () => first(`${DCAT}Dataset`), `${DCT}title`, 'MinCount'],
    ['a dataset without dct:description', () => first(`${DCAT}Dataset`), `${DCT}description`, 'MinCount'],
    ['the catalog without dct:publisher', () => first(`${DCAT}Catalog`), `${DCT}publisher`, 'MinCount'],
    ['the catalog without dct:title', () => first(`${DCAT}Catalog`), `${DCT}title`, 'MinCount'],
    ['the catalog without dct:description', () => first(`${DCAT}Catalog`), `${DCT}description`, 'MinCount'],
  ])('%s does not conform', async (_name, node, property, component) => {
    const focus = node();
    const report = await validateShacl(DCAT_AP_SHAPES, without((q) => q.subject.value === focus && q.predicate.value === property));
    expect(report.conforms).toBe(false);
    expect(report.results.map((r) => [r.focusNode, r.path, r.constraint])).toEqual([[focus, property, `http://www.w3.org/ns/shacl#${component}ConstraintComponent`]]);
  });

  test('a distribution without dcat:accessURL, an agent without foaf:name, a second dct:modified do not conform', async () => {
    const dist = `http://${HOST}/api/datasets/1.0/dcat-ap-open#csv`;
    expect((await validateShacl(DCAT_AP_SHAPES, small)).conforms).toBe(true);
    const noAccess = await validateShacl(DCAT_AP_SHAPES, small.filter((q) => !(q.subject.value === dist && q.predicate.value === `${DCAT}accessURL`)));
    expect(noAccess.results.map((r) => [r.focusNode, r.path])).toEqual([[dist, `${DCAT}accessURL`]]);
    const agent = small.find((q) => q.predicate.value === `${FOAF}name`)!.subject;
    const noName = await validateShacl(DCAT_AP_SHAPES, without((q) => q.subject.equals(agent) && q.predicate.value === `${FOAF}name`));
    expect(noName.results.map((r) => [r.path, r.constraint])).toEqual([[`${FOAF}name`, 'http://www.w3.org/ns/shacl#MinCountConstraintComponent']]);
    const dated = small.find((q) => q.predicate.value === `${DCT}modified`)!;
    const twice = await validateShacl(DCAT_AP_SHAPES, [...small, DataFactory.quad(dated.subject, dated.predicate, DataFactory.literal('2001-01-01', namedNode(`${XSD}date`)))]);
    expect(twice.results.map((r) => [r.focusNode, r.path, r.constraint])).toEqual([[dated.subject.value, `${DCT}modified`, 'http://www.w3.org/ns/shacl#MaxCountConstraintComponent']]);
  });
});
