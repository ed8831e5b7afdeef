import type { FieldDef, FieldType } from '../../../src/model/descriptor';
import type { OutputOptions, RecordsSearchFormat } from '../../../src/model/recordsRequest';
import type { SearchPlan } from '../../../src/model/searchPlan';
import type { RecordHit, SearchResult } from '../../../src/model/searchResult';
import { recordsReading } from '../../../src/dialects/ods-v1/recordsSearchPieces';
import { renderRecordsSearch } from '../../../src/dialects/ods-v1/renderRecordsSearch';
import { recordTailJson } from '../../../src/render/recordJson';
import { bodyText } from '../../../src/render/rendered';

const field = (name: string, type: FieldType): FieldDef => ({ name, label: name, type, annotations: [], source: { column: name } });
const schema = [field('nom', 'text'), field('quand', 'datetime'), field('forme', 'geo_shape')];
const output = (format: RecordsSearchFormat, prettyPrint = false, callback?: string): OutputOptions<RecordsSearchFormat> =>
  ({ format, prettyPrint, csvSeparator: ';', withBom: false, useLabelsForHeader: false, ...(callback ? { callback } : {}) });
const records: RecordHit[] = [
  { datasetid: 'x', recordid: 'r1', record_timestamp: '2026-01-15T12:00:00Z', fields: { nom: 'Île "A"', quand: '2020-02-01T10:00:00Z', forme: { geojson: '{"type":"Point","coordinates":[2.5,48]}' } }, geometry: { type: 'Point', coordinates: [2.5, 48] } },
  { datasetid: 'x', recordid: 'r2', record_timestamp: '2026-01-15T12:00:00Z', fields: {} },
];
const plan = (facets: boolean): SearchPlan => ({ index: 'i', datasetId: 'jeu@dom', schema, timeZone: 'UTC', facets: facets ? [{ name: 'nom' }] : [] } as unknown as SearchPlan);
const tail = recordTailJson(schema, 'UTC');

describe('records search pages from records kept written', () => {
  test.each([[false, undefined], [true, undefined], [true, 'cb']])('the same page as from the records (facets: %s, callback: %s)', (facets, callback) => {
    const out = output(callback ? 'jsonp' : 'json', false, callback);
    const facetGroups = facets ? [{ name: 'nom', facets: [{ name: 'Île "A"', path: 'Île "A"', count: 1, state: 'displayed' as const }] }] : [];
    const fromRecords: SearchResult = { nhits: 7, records, facetGroups };
    const fromWritten: SearchResult = { nhits: 7, records: [], written: records.map((r) => Buffer.concat([Buffer.alloc(24), Buffer.from(tail(r))]).toString('base64')), facetGroups };
    const echo = { dataset: 'jeu@dom', rows: 2 };
    const built = renderRecordsSearch(fromRecords, plan(facets), out, echo, () => { throw new Error('no feed'); });
    const sent = renderRecordsSearch(fromWritten, plan(facets), out, echo, () => { throw new Error('no feed'); });
    expect(bodyText(sent.body)).toBe(bodyText(built.body));
    expect(sent.contentType).toBe(built.contentType);
    const json = JSON.parse(callback ? bodyText(sent.body).replace(/^\/\*\*\/cb\(|\);$/g, '') : bodyText(sent.body)) as { records: Array<{ datasetid: string; fields: Record<string, unknown> }> };
    expect(json.records.map((r) => [r.datasetid, r.fields])).toEqual([
      ['jeu@dom', { nom: 'Île "A"', quand: '2020-02-01T10:00:00+00:00', forme: { type: 'Point', coordinates: [2.5, 48] } }], ['jeu@dom', {}],
    ]);
  });

  test('an empty page', () => {
    const sent = renderRecordsSearch({ nhits: 0, records: [], written: [], facetGroups: [] }, plan(false), output('json'), {}, () => { throw new Error('no feed'); });
    expect(JSON.parse(bodyText(sent.body))).toEqual({ nhits: 0, parameters: {}, records: [] });
  });

  test('which pages take records kept written, shapes as text, or parsed', () => {
    expect((['json', 'jsonp', 'geojson', 'geojsonp', 'csv', 'rss', 'atom'] as const).map((f) => recordsReading(output(f))))
      .toEqual(['written', 'written', 'written', 'written', 'text', 'parsed', 'parsed']);
    expect([recordsReading(output('json', true)), recordsReading(output('geojson', true))]).toEqual(['parsed', 'parsed']);
  });
});
