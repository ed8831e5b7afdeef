import { bboxWkt } from '../../../../src/render/dcat/dcatBbox';
import { DataFactory } from 'n3';
import type { CatalogHit } from '../../../../src/model/dataset';
import { distributionQuads } from '../../../../src/render/dcat/dcatDistributions';
import { frequencyIri } from '../../../../src/render/dcat/dcatFrequency';

const FREQ = 'http://publications.europa.eu/resource/authority/frequency/';

describe('DCAT-AP value mappings', () => {
  test.each([
    ['Annuelle', 'ANNUAL'], ['annuelle', 'ANNUAL'], ['Mensuelle', 'MONTHLY'], ['Quotidienne', 'DAILY'], ['Trimestrielle', 'QUARTERLY'],
    ['semestrielle', 'ANNUAL_2'], ['Hebdomadaire', 'WEEKLY'], ['Horaire', 'HOURLY'], ['Pas de mise à jour ', 'NEVER'], ['pas de mises à jour', 'NEVER'],
  ])('%s is the EU frequency %s', (label, code) => {
    expect(frequencyIri(label)).toBe(`${FREQ}${code}`);
  });

  test('spaces, tabs and line breaks inside the label count as one space', () => {
    expect(frequencyIri('Pas de  mise à\tjour')).toBe(`${FREQ}NEVER`);
    expect(frequencyIri('pas\nde mises à jour')).toBe(`${FREQ}NEVER`);
  });

  test.each(['Bi-annuelle', 'Ponctuelle', 'Au fil du temps', ''])('%p names no period without doubt: no frequency', (label) => {
    expect(frequencyIri(label)).toBeUndefined();
  });

  test('the ODS bbox Feature (ring from the north-east corner) is the WKT box west-south first', () => {
    const feature = { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[[2.47, 48.9], [2.22, 48.9], [2.22, 48.81], [2.47, 48.81], [2.47, 48.9]]] } };
    expect(bboxWkt(feature)).toBe('POLYGON((2.22 48.81, 2.47 48.81, 2.47 48.9, 2.22 48.9, 2.22 48.81))');
    expect(bboxWkt({ type: 'Point', coordinates: [1, 2] })).toBe('POLYGON((1 2, 1 2, 1 2, 1 2, 1 2))');
    expect([bboxWkt(null), bboxWkt({ geometry: { coordinates: [] } }), bboxWkt('x')]).toEqual([undefined, undefined, undefined]);
  });
});

describe('distributions', () => {
  const hit = (features: string[]): CatalogHit => ({
    datasetid: 'd', has_records: true, features,
    dataset: { metas: { title: 'D' }, fields: [], store: { resource_id: 'r', visibility: 'public', state: 'published', created_at: '', updated_at: '', published_at: null } },
  });
  const mediaTypes = (features: string[], formats: string[]): string[] =>
    distributionQuads(hit(features), DataFactory.namedNode('http://s/d'), { site: 'http://s', downloadPath: '/dl', formats: new Set(formats) })
      .filter((q) => q.predicate.value === 'http://www.w3.org/ns/dcat#mediaType').map((q) => q.object.value.replace('http://www.iana.org/assignments/media-types/', ''));

  test('one per format the export registry serves: the GIS files once registered, for a geographic dataset only; none without a media type', () => {
    expect(mediaTypes(['geo'], ['csv', 'json', 'geojson', 'ndjson'])).toEqual(['text/csv', 'application/json', 'application/geo+json']);
    expect(mediaTypes(['geo'], ['csv', 'json', 'geojson', 'ndjson', 'gpkg', 'shp', 'fgb'])).toEqual(['text/csv', 'application/json', 'application/geo+json', 'application/geopackage+sqlite3', 'application/zip']);
    expect(mediaTypes([], ['csv', 'json', 'geojson', 'gpkg', 'shp', 'fgb'])).toEqual(['text/csv', 'application/json']);
  });
});
