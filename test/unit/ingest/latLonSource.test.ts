import { buildRecord } from '../../../src/ingest/buildRecord';
import { missingColumns } from '../../../src/ingest/sourceColumns';
import { parseDescriptor } from '../../../src/catalog/parseDescriptor';
import type { FieldDef } from '../../../src/model/descriptor';

const point: FieldDef = { name: 'p', label: 'P', type: 'geo_point_2d', annotations: [], source: { latLon: ['la', 'lo'] } };
const built = (values: Record<string, unknown>) => buildRecord([point], { position: 7, values }, 'UTC');

describe('a geo_point_2d read from a latitude and a longitude column', () => {
  test('text and number halves make [lat, lon]; two blanks make no value', () => {
    expect(built({ la: ' 48.85 ', lo: '2.35' }).record.fields).toEqual({ p: [48.85, 2.35] });
    expect(built({ la: 48.85, lo: 2.35 }).record.fields).toEqual({ p: [48.85, 2.35] });
    expect(built({ la: '', lo: null })).toEqual({ record: { fields: {}, position: 7 }, warnings: [] });
  });

  test('a missing half or a value out of range is a warning on the field', () => {
    expect(built({ la: '48.85', lo: '' }).warnings).toEqual([{ position: 7, field: 'p', message: 'not a "lat,lon" point within range: 48.85,' }]);
    expect(built({ la: '148.85', lo: '2' }).warnings.map((w) => w.field)).toEqual(['p']);
  });

  test('both columns must be in the file', () => {
    expect(missingColumns([point], new Set(['la']))).toEqual([{ field: point, column: 'lo' }]);
  });

  test('the descriptor form: two column names, and only on a geo_point_2d', () => {
    const base = { id: 'd', metadata: { title: 't' } };
    const ok = parseDescriptor({ ...base, fields: [{ name: 'p', source: { latLon: ['la', 'lo'] } }] }, 'd.json');
    expect(ok.fields[0].source).toEqual({ latLon: ['la', 'lo'] });
    expect(() => parseDescriptor({ ...base, fields: [{ name: 'p', type: 'text', source: { latLon: ['la', 'lo'] } }] }, 'd.json'))
      .toThrow('fields.0.type: a field whose source is latLon is a geo_point_2d');
    expect(() => parseDescriptor({ ...base, fields: [{ name: 'p', source: { latLon: ['la'] } }] }, 'd.json')).toThrow('fields.0.source.latLon');
  });
});
