import { datasetObjectText } from '../../../src/catalog/catalogPageText';
import type { CatalogHit, CatalogPageHit } from '../../../src/model/dataset';
import type { FacetGroup } from '../../../src/model/facetGroup';
import { catalogPageJson as pageParts } from '../../../src/render/catalogPageJson';
import { bodyText } from '../../../src/render/rendered';
import { readCatalogPageHit } from '../../../src/results/readCatalogPageHit';

/** The page's text: its parts (texts and UTF-8 bytes) joined. */
const catalogPageJson = (...args: Parameters<typeof pageParts>): string => bodyText(pageParts(...args));

const store = { resource_id: 'r', visibility: 'public' as const, state: 'published' as const, created_at: '2020-01-01T00:00:00.000Z', updated_at: '2020-01-01T00:00:00.000Z', published_at: null };
const entry = (id: string, annotations: CatalogHit['dataset']['fields'][number]['annotations']): CatalogHit => ({
  datasetid: id, has_records: true, features: ['analyze'],
  dataset: {
    metas: { title: `Titre « ${id} »`, theme: ['Environnement'], timezone: 'Europe/Paris' },
    fields: [{ name: 'nom', label: 'Nom', type: 'text', description: 'Le nom', annotations, source: { column: 'nom' } }],
    dcat: { creator: 'Ville' },
    store,
  },
});
const hits = [entry('a', [{ name: 'facet' }, { name: 'facetsort', args: ['alphanum'] }]), entry('b', [])];
/** What the catalog index hands over of each (the written object as a stored field, in base64), and what a request with both blocks reads. */
const pageHits = (withParts: boolean): CatalogPageHit[] => hits.map((h) => readCatalogPageHit({
  _index: 'catalog', _id: h.datasetid, fields: { written_ods: [Buffer.from(datasetObjectText(h), 'utf8').toString('base64')] },
  _source: { datasetid: h.datasetid, ...(withParts ? { dataset: { fields: h.dataset.fields, dcat: h.dataset.dcat } } : {}) },
}));
const groups: FacetGroup[] = [{ name: 'theme', facets: [{ name: 'Environnement', path: 'Environnement', count: 2, state: 'displayed' }] }] as unknown as FacetGroup[];

/** The page written by hand, as ODS writes it: one line, Python's separators. */
const objectText = (id: string, facets: string): string =>
  `{"datasetid": "${id}", "has_records": true, "data_visible": true, "features": ["analyze"], `
  + `"metas": {"title": "Titre « ${id} »", "theme": ["Environnement"], "timezone": "Europe/Paris", "visibility": "domain"}, `
  + `"fields": [{"name": "nom", "label": "Nom", "type": "text", "description": "Le nom", "annotations": [${facets}]}], `
  + '"attachments": [], "alternative_exports": [], "billing_plans": []';

describe('catalogPageJson', () => {
  test('joins the written dataset objects into the page', () => {
    const text = catalogPageJson({ nhits: 2, parameters: { rows: 10 }, hits: pageHits(false), groups }, { extrametas: false, interopmetas: false }, false);
    expect(text).toBe(`{"nhits": 2, "parameters": {"rows": 10}, "datasets": [${objectText('a', '{"name": "facet"}, {"name": "facetsort", "args": ["alphanum"]}')}}, ${objectText('b', '')}}], `
      + '"facet_groups": [{"name": "theme", "facets": [{"name": "Environnement", "path": "Environnement", "count": 2, "state": "displayed"}]}]}');
  });

  test('appends extra_metas and interop_metas to each object', () => {
    const text = catalogPageJson({ nhits: 2, parameters: undefined, hits: pageHits(true) }, { extrametas: true, interopmetas: true }, false);
    const a = `${objectText('a', '{"name": "facet"}, {"name": "facetsort", "args": ["alphanum"]}')}, "extra_metas": {"asset_content_configuration": {"facets": `
      + '[{"field_name": "nom", "title": "Nom", "sort": "alphanum", "disjunctive": false, "timerangeFilter": false}]}, "visualization": {}}, "interop_metas": {"dcat": {"creator": "Ville"}}}';
    const b = `${objectText('b', '')}, "extra_metas": {"asset_content_configuration": {"facets": []}, "visualization": {}}, "interop_metas": {"dcat": {"creator": "Ville"}}}`;
    expect(text).toBe(`{"nhits": 2, "datasets": [${a}, ${b}]}`);
  });

  test('an empty page', () => {
    expect(catalogPageJson({ nhits: 0, parameters: {}, hits: [] }, { extrametas: false, interopmetas: false }, false)).toBe('{"nhits": 0, "parameters": {}, "datasets": []}');
  });

  test('pretty-printed, the same page indented by four spaces', () => {
    const compact = catalogPageJson({ nhits: 2, parameters: { rows: 10 }, hits: pageHits(true), groups }, { extrametas: true, interopmetas: false }, false);
    const pretty = catalogPageJson({ nhits: 2, parameters: { rows: 10 }, hits: pageHits(true), groups }, { extrametas: true, interopmetas: false }, true);
    expect(pretty).toBe(JSON.stringify(JSON.parse(compact), null, 4));
    expect(pretty.split('\n')[1]).toBe('    "nhits": 2,');
  });
});
