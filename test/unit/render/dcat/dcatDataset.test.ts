import * as jsonldLib from 'jsonld';
import type { Quad } from 'n3';
import type { CatalogHit } from '../../../../src/model/dataset';
import { dcatQuads } from '../../../../src/render/dcat/dcatCatalog';
import { datasetQuads } from '../../../../src/render/dcat/dcatDataset';
import { serializeDcat, type DcatSerialization } from '../../../../src/render/dcat/dcatSerializations';
import { dcatCatalogWriter } from '../../../../src/render/dcat/dcatCatalogWriter';
import { fromRdfXml, fromTurtle, sameGraph } from '../../../support/rdfGraphs';

// The expected graphs are written by hand in Turtle from DCAT-AP 3 (dcat:Dataset, dct:Location with
// dcat:bbox, dct:PeriodOfTime, vcard:Kind, foaf:Agent, the EU authority tables) and the inputs below.
const PREFIXES = `
@prefix dcat: <http://www.w3.org/ns/dcat#> . @prefix dct: <http://purl.org/dc/terms/> .
@prefix foaf: <http://xmlns.com/foaf/0.1/> . @prefix vcard: <http://www.w3.org/2006/vcard/ns#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> . @prefix gsp: <http://www.opengis.net/ont/geosparql#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix eu: <http://publications.europa.eu/resource/authority/> .
`;
const CTX = { site: 'https://portal.example', datasetPath: '/api/datasets/1.0/', downloadPath: '/api/records/1.0/download', formats: new Set(['csv', 'json', 'geojson']) };

const store = { resource_id: 'r', visibility: 'public' as const, state: 'published' as const, created_at: '2020-01-01T00:00:00Z', updated_at: '2020-01-02T00:00:00Z', published_at: '2021-03-04T05:06:07Z' };
const hit = (datasetid: string, metas: Record<string, unknown>, dcat: Record<string, unknown> | undefined, more: Partial<CatalogHit> = {}): CatalogHit => ({
  datasetid, has_records: true, features: [], dataset: { metas, fields: [], ...(dcat ? { dcat } : {}), store }, ...more,
});

const full = hit('arbres-2023', {
  title: 'Arbres', description: '<p>Les&nbsp;arbres\n de <b>Paris</b></p>', keyword: ['nature', 'ville'], theme: 'Environnement',
  modified: '2023-06-15', language: 'fr', publisher: 'Ville de Paris', license: 'ODbL', license_url: 'https://opendatacommons.org/licenses/odbl/',
  bbox: { type: 'Feature', geometry: { type: 'Polygon', coordinates: [[[2.4, 48.9], [2.2, 48.9], [2.2, 48.8], [2.4, 48.8], [2.4, 48.9]]] } },
}, {
  issued: '2019-01-02T03:04:05+02:00', publisher_type: 'LocalAuthority', creator: 'DEVE', contact_name: 'Service', contact_email: 'open data@paris.fr',
  accrualperiodicity: 'Annuelle', temporal_coverage_start: '2010-01-01', temporal_coverage_end: '2020-12-31',
}, { features: ['geo'] });

const DS = '<https://portal.example/api/datasets/1.0/arbres-2023>';
const DL = 'https://portal.example/api/records/1.0/download?dataset=arbres-2023&format=';
const dist = (format: string, title: string, media: string, type: string): string => `
${DS} dcat:distribution <https://portal.example/api/datasets/1.0/arbres-2023#${format}> .
<https://portal.example/api/datasets/1.0/arbres-2023#${format}> a dcat:Distribution ; dct:title "Arbres (${title})" ;
  dcat:accessURL <${DL}${format}> ; dcat:downloadURL <${DL}${format}> ;
  dcat:mediaType <http://www.iana.org/assignments/media-types/${media}> ; dct:format eu:file-type\\/${type} ;
  dct:license <https://opendatacommons.org/licenses/odbl/> .`;
const FULL = `${PREFIXES}
${DS} a dcat:Dataset ; dct:identifier "arbres-2023" ; dct:title "Arbres" ; dct:description "Les arbres de Paris" ;
  dcat:landingPage ${DS} ; dcat:keyword "nature", "ville", "Environnement" ;
  dct:modified "2023-06-15"^^xsd:date ; dct:issued "2019-01-02T01:04:05.000Z"^^xsd:dateTime ;
  dct:language eu:language\\/FRA ;
  dct:publisher [ a foaf:Agent ; foaf:name "Ville de Paris" ; dct:type <http://purl.org/adms/publishertype/LocalAuthority> ] ;
  dct:creator [ a foaf:Agent ; foaf:name "DEVE" ] ;
  dcat:contactPoint [ a vcard:Kind ; vcard:fn "Service" ; vcard:hasEmail <mailto:open%20data@paris.fr> ] ;
  dct:accrualPeriodicity eu:frequency\\/ANNUAL ;
  dct:spatial [ a dct:Location ; dcat:bbox "POLYGON((2.2 48.8, 2.4 48.8, 2.4 48.9, 2.2 48.9, 2.2 48.8))"^^gsp:wktLiteral ] ;
  dct:temporal [ a dct:PeriodOfTime ; dcat:startDate "2010-01-01"^^xsd:date ; dcat:endDate "2020-12-31"^^xsd:date ] .
${dist('csv', 'CSV', 'text/csv', 'CSV')}
${dist('json', 'JSON', 'application/json', 'JSON')}
${dist('geojson', 'GeoJSON', 'application/geo+json', 'GEOJSON')}
`;

/** What differs, for a readable failure: the statements of each side the other lacks, as N-Triples-like lines. */
const lines = (quads: ReturnType<typeof fromTurtle>): string[] => quads.map((q) => `${q.subject.termType === 'BlankNode' ? '_' : q.subject.value} ${q.predicate.value} ${q.object.termType === 'BlankNode' ? '_' : q.object.value}`).sort();

describe('DCAT-AP: one dataset', () => {
  test('every metadata the entry has becomes its statement', () => {
    const got = datasetQuads(full, CTX);
    const expected = fromTurtle(FULL);
    expect(lines(got)).toEqual(lines(expected));
    expect(sameGraph(got, expected)).toBe(true);
  });

  test('a bare entry: the id stands for title and description, the publication date for issued, a label-only licence is a document', () => {
    const bare = hit('b', { language: 'xx', publisher: 'P', license: 'Licence Ouverte' }, {
      publisher_type: 'Mairie', contact_email: 'a@b.fr', temporal: '2013 - 2014', accrualperiodicity: 'Ponctuelle',
    });
    const got = datasetQuads(bare, { ...CTX, formats: new Set(['csv', 'geojson']) });
    const B = '<https://portal.example/api/datasets/1.0/b>';
    const expected = fromTurtle(`${PREFIXES}
${B} a dcat:Dataset ; dct:identifier "b" ; dct:title "b" ; dct:description "b" ; dcat:landingPage ${B} ;
  dct:issued "2021-03-04T05:06:07.000Z"^^xsd:dateTime ;
  dct:publisher [ a foaf:Agent ; foaf:name "P" ] ;
  dcat:contactPoint [ a vcard:Kind ; vcard:hasEmail <mailto:a@b.fr> ] ;
  dct:temporal [ a dct:PeriodOfTime ; dcat:startDate "2013"^^xsd:gYear ; dcat:endDate "2014"^^xsd:gYear ] ;
  dcat:distribution <https://portal.example/api/datasets/1.0/b#csv> .
<https://portal.example/api/datasets/1.0/b#csv> a dcat:Distribution ; dct:title "b (CSV)" ;
  dcat:accessURL <https://portal.example/api/records/1.0/download?dataset=b&format=csv> ;
  dcat:downloadURL <https://portal.example/api/records/1.0/download?dataset=b&format=csv> ;
  dcat:mediaType <http://www.iana.org/assignments/media-types/text/csv> ; dct:format eu:file-type\\/CSV ;
  dct:license [ a dct:LicenseDocument ; rdfs:label "Licence Ouverte" ] .
`);
    expect(lines(got)).toEqual(lines(expected));
    expect(sameGraph(got, expected)).toBe(true);
  });

  test('no records, no distribution; a title without description describes; text XML cannot hold is dropped; the start alone of a period', () => {
    const got = datasetQuads(hit('c', { title: 'T\u0001itre', description: '  ', modified: 'not a date' }, { temporal_coverage_start: '2001-02-03', contact_name: 'N' }, { has_records: false }), CTX);
    const C = '<https://portal.example/api/datasets/1.0/c>';
    const expected = fromTurtle(`${PREFIXES}
${C} a dcat:Dataset ; dct:identifier "c" ; dct:title "Titre" ; dct:description "Titre" ; dcat:landingPage ${C} ;
  dct:issued "2021-03-04T05:06:07.000Z"^^xsd:dateTime ;
  dcat:contactPoint [ a vcard:Kind ; vcard:fn "N" ] ;
  dct:temporal [ a dct:PeriodOfTime ; dcat:startDate "2001-02-03"^^xsd:date ] .
`);
    expect(lines(got)).toEqual(lines(expected));
  });

  test('no issued date anywhere: none said', () => {
    const got = datasetQuads({ ...hit('d', {}, undefined, { has_records: false }), dataset: { metas: {}, store: { ...store, published_at: null } } }, CTX);
    expect(got.filter((q) => q.predicate.value === 'http://purl.org/dc/terms/issued')).toEqual([]);
    expect(got.map((q) => q.predicate.value)).toEqual(['http://www.w3.org/1999/02/22-rdf-syntax-ns#type', 'http://purl.org/dc/terms/identifier', 'http://purl.org/dc/terms/title', 'http://purl.org/dc/terms/description', 'http://www.w3.org/ns/dcat#landingPage']);
  });
});

describe('DCAT-AP: the catalog and its serializations', () => {
  const catalogCtx = { ...CTX, catalogTitle: 'Portail', self: 'https://portal.example/api/v2/catalog/exports/dcat' };
  const hits = [hit('a', { title: 'A' }, undefined, { has_records: false }), hit('b', { title: 'B' }, undefined, { has_records: false })];
  const EXPECTED = `${PREFIXES}
<https://portal.example/api/v2/catalog/exports/dcat> a dcat:Catalog ; dct:title "Portail" ;
  dct:description "Portail: the datasets this portal serves through its search APIs." ;
  dct:publisher _:portal ; foaf:homepage <https://portal.example> ;
  dcat:dataset <https://portal.example/api/datasets/1.0/a>, <https://portal.example/api/datasets/1.0/b> .
_:portal a foaf:Agent ; foaf:name "Portail" .
<https://portal.example/api/datasets/1.0/a> a dcat:Dataset ; dct:identifier "a" ; dct:title "A" ; dct:description "A" ;
  dcat:landingPage <https://portal.example/api/datasets/1.0/a> ; dct:issued "2021-03-04T05:06:07.000Z"^^xsd:dateTime .
<https://portal.example/api/datasets/1.0/b> a dcat:Dataset ; dct:identifier "b" ; dct:title "B" ; dct:description "B" ;
  dcat:landingPage <https://portal.example/api/datasets/1.0/b> ; dct:issued "2021-03-04T05:06:07.000Z"^^xsd:dateTime .
`;

  test('one dcat:Catalog with its publisher, home page and each dataset', () => {
    const got = dcatQuads(hits, catalogCtx);
    expect(lines(got)).toEqual(lines(fromTurtle(EXPECTED)));
    expect(sameGraph(got, fromTurtle(EXPECTED))).toBe(true);
  });

  test('Turtle, JSON-LD and RDF/XML, each read back by an independent reader, hold the same graph', async () => {
    const quads = [...dcatQuads(hits, catalogCtx), ...datasetQuads(full, CTX)];
    const turtle = await serializeDcat(quads, 'turtle');
    expect(turtle).toMatch(/^@prefix rdf: <http:\/\/www\.w3\.org\/1999\/02\/22-rdf-syntax-ns#>\.$/m);
    expect(sameGraph(fromTurtle(turtle), quads)).toBe(true);
    const json = JSON.parse(await serializeDcat(quads, 'jsonld')) as jsonldLib.JsonLdDocument;
    const nquads = await jsonldLib.toRDF(json, { format: 'application/n-quads' }) as unknown as string;
    expect(sameGraph(fromTurtle(nquads, 'N-Quads'), quads)).toBe(true);
    expect(sameGraph(await fromRdfXml(await serializeDcat(quads, 'rdfxml')), quads)).toBe(true);
  });

  /** The catalog as the export streams it: head, each page, tail; read back by the serialization's own reader. */
  async function streamed(as: DcatSerialization, pages: CatalogHit[][]): Promise<Quad[]> {
    const writer = dcatCatalogWriter(as, catalogCtx);
    const text = `${writer.head}${pages.map((page, i) => writer.page(page, i === 0)).join('')}${writer.tail}`;
    if (as === 'turtle') return fromTurtle(text);
    if (as === 'rdfxml') return fromRdfXml(text);
    return fromTurtle(await jsonldLib.toRDF(JSON.parse(text) as jsonldLib.JsonLdDocument, { format: 'application/n-quads' }) as unknown as string, 'N-Quads');
  }

  test('written page by page, in each serialization, it is the catalog written by hand', async () => {
    for (const as of ['turtle', 'jsonld', 'rdfxml'] as const) {
      for (const pages of [[hits], [[hits[0]], [hits[1]]], [[], hits]]) {
        expect({ as, pages: pages.length, same: sameGraph(await streamed(as, pages), fromTurtle(EXPECTED)) }).toEqual({ as, pages: pages.length, same: true });
      }
    }
  });

  test('page by page, entries with blank nodes keep them apart: the same graph as the catalog written whole', async () => {
    const more = [...hits, full, { ...full, datasetid: 'arbres-2024' }];
    for (const as of ['turtle', 'jsonld', 'rdfxml'] as const) {
      const got = await streamed(as, [more.slice(0, 1), more.slice(1, 3), more.slice(3)]);
      expect({ as, same: sameGraph(got, dcatQuads(more, catalogCtx)), size: got.length }).toEqual({ as, same: true, size: dcatQuads(more, catalogCtx).length });
    }
  });

  test('JSON-LD: expanded form, one node object per subject, @type gathered, plain strings without a datatype', async () => {
    const nodes = JSON.parse(await serializeDcat(dcatQuads(hits.slice(0, 1), catalogCtx), 'jsonld')) as Array<Record<string, unknown>>;
    expect(nodes.map((n) => n['@id'])).toEqual(['https://portal.example/api/v2/catalog/exports/dcat', '_:portal', 'https://portal.example/api/datasets/1.0/a']);
    expect(Object.keys(nodes[0])[0]).toBe('@id');
    expect(nodes[1]).toEqual({ '@id': '_:portal', '@type': ['http://xmlns.com/foaf/0.1/Agent'], 'http://xmlns.com/foaf/0.1/name': [{ '@value': 'Portail' }] });
    expect(nodes[2]['http://purl.org/dc/terms/issued']).toEqual([{ '@value': '2021-03-04T05:06:07.000Z', '@type': 'http://www.w3.org/2001/XMLSchema#dateTime' }]);
  });
});
