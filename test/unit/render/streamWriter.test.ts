import { exportFormatNames } from '../../../src/render/formats/registry';
import { streamWriter } from '../../../src/render/formats/streamWriter';
import type { FieldDef } from '../../../src/model/descriptor';
import type { RecordHit } from '../../../src/model/searchResult';

const schema: FieldDef[] = [{ name: 'nom', label: 'Nom', type: 'text', annotations: [] } as unknown as FieldDef];
const hit = (id: string, nom: string): RecordHit => ({ datasetid: 'd', recordid: id, record_timestamp: '2026-01-01T00:00:00Z', fields: { nom } } as unknown as RecordHit);
const records = { schema, timeZone: 'UTC', datasetId: 'd' };
const format = { records, columns: schema, output: { csvSeparator: ';', withBom: false, useLabelsForHeader: false }, filename: 'd' };
const body = (name: string, callback?: string): string => {
  const w = streamWriter(name, callback, format);
  return w.head + w.page([hit('a', 'x')], true) + w.page([hit('b', 'y')], false) + w.tail;
};

describe('record stream formats', () => {
  test('every export format name: each format, a JSONP form of each JSON one only, and the spooled GIS formats', () => {
    expect(exportFormatNames().sort()).toEqual(['csv', 'fgb', 'geojson', 'geojsonp', 'gpkg', 'json', 'jsonp', 'ndjson', 'shp']);
  });

  test('ndjson: one JSON object per line, each line ended by a newline, no array around them', () => {
    const text = body('ndjson');
    expect(text.endsWith('\n')).toBe(true);
    expect(text.trimEnd().split('\n').map((l) => (JSON.parse(l) as { recordid: string }).recordid)).toEqual(['a', 'b']);
    expect(streamWriter('ndjson', undefined, format).contentType).toBe('application/x-ndjson; charset=utf-8');
  });

  test('JSONP wraps any JSON format, as a script that may not be sniffed', () => {
    for (const name of ['json', 'geojson']) {
      const w = streamWriter(`${name}p`, 'cb', format);
      expect([w.contentType, w.headers]).toEqual(['text/javascript; charset=utf-8', { 'X-Content-Type-Options': 'nosniff' }]);
      expect(body(`${name}p`, 'cb')).toBe(`/**/cb(${body(name)});`);
    }
    expect((JSON.parse(body('json')) as unknown[]).length).toBe(2);
  });
});
