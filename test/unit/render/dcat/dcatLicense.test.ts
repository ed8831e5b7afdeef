import { DataFactory } from 'n3';
import type { CatalogHit } from '../../../../src/model/dataset';
import { distributionQuads } from '../../../../src/render/dcat/dcatDistributions';

const store = { resource_id: 'r', visibility: 'public' as const, state: 'published' as const, created_at: '2020-01-01T00:00:00Z', updated_at: '2020-01-02T00:00:00Z', published_at: '2021-03-04T05:06:07Z' };
const hit = (metas: Record<string, unknown>): CatalogHit => ({ datasetid: 'd', has_records: true, features: [], dataset: { metas, fields: [], store } });
const CTX = { site: 'https://portal.example', downloadPath: '/api/records/1.0/download', formats: new Set(['csv']) };

/** The object of the distribution's dct:license: `<iri>` for a named node, `[label]` for a licence document. */
function licenseOf(metas: Record<string, unknown>): string | undefined {
  const quads = distributionQuads(hit(metas), DataFactory.namedNode('https://portal.example/d'), CTX);
  const l = quads.find((q) => q.predicate.value === 'http://purl.org/dc/terms/license')?.object;
  if (l === undefined) return undefined;
  if (l.termType === 'NamedNode') return `<${l.value}>`;
  return `[${quads.find((q) => q.subject.equals(l) && q.predicate.value.endsWith('#label'))?.object.value}]`;
}

describe('the licence of a distribution', () => {
  test('an http or https URL (in license_url, else as the label) is the licence itself', () => {
    expect(licenseOf({ license: 'ODbL', license_url: 'http://opendatacommons.org/licenses/odbl/' })).toBe('<http://opendatacommons.org/licenses/odbl/>');
    expect(licenseOf({ license: 'https://www.etalab.gouv.fr/licence-ouverte' })).toBe('<https://www.etalab.gouv.fr/licence-ouverte>');
  });

  test('a text that only holds a URL, or a URL with a space, is a label', () => {
    expect(licenseOf({ license: 'see https://example.org/l' })).toBe('[see https://example.org/l]');
    expect(licenseOf({ license: 'https://example.org/l and more' })).toBe('[https://example.org/l and more]');
    expect(licenseOf({ license: 'Licence Ouverte', license_url: 'ftp://example.org/l' })).toBe('[Licence Ouverte]');
  });

  test('no licence at all: none', () => {
    expect(licenseOf({})).toBe(undefined);
  });
});
