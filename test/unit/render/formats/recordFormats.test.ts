import type { FieldDef } from '../../../../src/model/descriptor';
import type { RecordHit } from '../../../../src/model/searchResult';
import { csvFormat } from '../../../../src/render/formats/csvFormat';
import { geojsonFormat } from '../../../../src/render/formats/geojsonFormat';
import { jsonFormat } from '../../../../src/render/formats/jsonFormat';
import { jsonItems } from '../../../../src/render/formats/jsonItems';
import { ndjsonFormat } from '../../../../src/render/formats/ndjsonFormat';
import type { FormatContext, RecordFormat } from '../../../../src/render/formats/recordFormat';
import { exportFormatNames, RECORD_SPOOLED_FORMATS, RECORD_STREAM_FORMATS } from '../../../../src/render/formats/registry';
import { isJsonpFormat } from '../../../../src/model/jsonpFormat';
import { streamWriter } from '../../../../src/render/formats/streamWriter';

const schema: FieldDef[] = [
  { name: 'nom', label: 'Le nom', type: 'text', annotations: [], source: { column: 'nom' } },
  { name: 'quand', label: 'Quand', type: 'datetime', annotations: [], source: { column: 'quand' } },
];
const hit = (id: string, nom: string): RecordHit => ({ datasetid: 'd', recordid: id, record_timestamp: '2026-01-01T00:00:00Z', fields: { nom, quand: '2026-07-01T10:00:00Z' }, geometry: { type: 'Point', coordinates: [2, 48] } });
const ctx: FormatContext = { records: { schema, timeZone: 'Europe/Paris', datasetId: 'd' }, columns: schema, output: { csvSeparator: ';', withBom: false, useLabelsForHeader: true }, filename: 'arbres' };
/** The body a format writes for two pages (the second with two records) and an empty third. */
const body = (f: RecordFormat): string => {
  const s = f.stream(ctx);
  return s.head + s.page([hit('a', 'x;y')], true) + s.page([hit('b', 'z'), hit('c', 'w')], false) + s.page([], false) + s.tail;
};
const recordText = (id: string, nom: string): string =>
  `{"datasetid": "d", "recordid": "${id}", "fields": {"nom": "${nom}", "quand": "2026-07-01T12:00:00+02:00"}, "geometry": {"type": "Point", "coordinates": [2, 48]}, "record_timestamp": "2026-01-01T01:00:00+01:00"}`;

describe('jsonItems', () => {
  const item = (h: RecordHit): string => h.recordid;
  test('items joined by `, `, with one before the page unless it is the first; an empty page writes nothing', () => {
    expect(jsonItems([hit('a', ''), hit('b', '')], true, item)).toBe('a, b');
    expect(jsonItems([hit('c', '')], false, item)).toBe(', c');
    expect(jsonItems([], false, item)).toBe('');
    expect(jsonItems([], true, item)).toBe('');
  });
});

describe('record formats', () => {
  test('CSV: labels or names as the header, the zone applied, a file to save', () => {
    expect(body(csvFormat)).toBe('Le nom;Quand\r\n"x;y";2026-07-01T12:00:00+02:00\r\nz;2026-07-01T12:00:00+02:00\r\nw;2026-07-01T12:00:00+02:00\r\n');
    expect([csvFormat.contentType, csvFormat.json]).toEqual(['text/csv; charset=utf-8', false]);
    expect(csvFormat.headers(ctx)).toEqual({ 'Content-Disposition': 'attachment; filename="arbres.csv"' });
    const s = csvFormat.stream({ ...ctx, output: { csvSeparator: ',', withBom: true, useLabelsForHeader: false } });
    expect(s.head + s.page([hit('a', 'x;y')], true)).toBe('\ufeffnom,quand\r\nx;y,2026-07-01T12:00:00+02:00\r\n');
  });

  test('JSON: one array of ODS records', () => {
    expect(body(jsonFormat)).toBe(`[${recordText('a', 'x;y')}, ${recordText('b', 'z')}, ${recordText('c', 'w')}]`);
    expect([jsonFormat.contentType, jsonFormat.json, jsonFormat.headers(ctx)]).toEqual(['application/json; charset=utf-8', true, {}]);
  });

  test('NDJSON: one record per line, each ended by a newline', () => {
    expect(body(ndjsonFormat)).toBe(`${recordText('a', 'x;y')}\n${recordText('b', 'z')}\n${recordText('c', 'w')}\n`);
    expect([ndjsonFormat.contentType, ndjsonFormat.json, ndjsonFormat.headers(ctx)]).toEqual(['application/x-ndjson; charset=utf-8', false, {}]);
  });

  test('GeoJSON: a FeatureCollection (RFC 7946 §3.3)', () => {
    const feature = (nom: string): string => `{"type": "Feature", "geometry": {"type": "Point", "coordinates": [2, 48]}, "properties": {"nom": "${nom}", "quand": "2026-07-01T12:00:00+02:00"}}`;
    expect(body(geojsonFormat)).toBe(`{"type": "FeatureCollection", "features": [${feature('x;y')}, ${feature('z')}, ${feature('w')}]}`);
    expect([geojsonFormat.contentType, geojsonFormat.json, geojsonFormat.headers(ctx)]).toEqual(['application/geo+json; charset=utf-8', true, {}]);
  });
});

describe('the registry and its writers', () => {
  test('each name to its format; the GIS ones spooled', () => {
    expect([...RECORD_STREAM_FORMATS]).toEqual([['csv', csvFormat], ['json', jsonFormat], ['geojson', geojsonFormat], ['ndjson', ndjsonFormat]]);
    expect([...RECORD_SPOOLED_FORMATS.keys()]).toEqual(['gpkg', 'shp', 'fgb']);
  });

  test('a JSONP name is its JSON format\'s name and p, and only those names are told JSONP where a format is checked', () => {
    const jsonNames = [...RECORD_STREAM_FORMATS].filter(([, f]) => f.json).map(([name]) => name);
    expect(jsonNames).toEqual(['json', 'geojson']);
    expect(exportFormatNames()).toEqual(['csv', 'json', 'jsonp', 'geojson', 'geojsonp', 'ndjson', 'gpkg', 'shp', 'fgb']);
    expect(exportFormatNames().filter(isJsonpFormat)).toEqual(jsonNames.map((n) => `${n}p`));
    expect(['ndjsonp', 'csvp', 'jsonpp', 'JSONP'].filter(isJsonpFormat)).toEqual([]);
  });

  test('a format by its name, its headers and stream as the format gives them', () => {
    const w = streamWriter('csv', undefined, ctx);
    expect([w.contentType, w.headers, w.tail]).toEqual(['text/csv; charset=utf-8', { 'Content-Disposition': 'attachment; filename="arbres.csv"' }, '']);
    expect(w.head + w.page([hit('a', 'v')], true)).toBe('Le nom;Quand\r\nv;2026-07-01T12:00:00+02:00\r\n');
  });

  test('a callback without a JSONP name changes nothing', () => {
    const w = streamWriter('json', 'cb', ctx);
    expect([w.contentType, w.head, w.tail]).toEqual(['application/json; charset=utf-8', '[', ']']);
  });

  test('the JSONP name of a format that is not JSON, an unknown name, or JSONP without a callback, is refused', () => {
    expect(() => streamWriter('csvp', 'cb', ctx)).toThrow('no record format csvp');
    expect(() => streamWriter('ndjsonp', 'cb', ctx)).toThrow('no record format ndjsonp');
    expect(() => streamWriter('xml', undefined, ctx)).toThrow('no record format xml');
    expect(() => streamWriter('jsonp', undefined, ctx)).toThrow('no record format jsonp');
    expect(() => streamWriter('gpkg', undefined, ctx)).toThrow('no record format gpkg');
  });

  test('JSONP: the JSON body framed, served as a script', () => {
    const w = streamWriter('geojsonp', 'cb', ctx);
    expect([w.contentType, w.headers]).toEqual(['text/javascript; charset=utf-8', { 'X-Content-Type-Options': 'nosniff' }]);
    expect(w.head).toBe('/**/cb({"type": "FeatureCollection", "features": [');
    expect(w.tail).toBe(']});');
  });
});
