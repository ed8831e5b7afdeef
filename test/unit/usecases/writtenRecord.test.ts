import type { FieldDef, FieldType } from '../../../src/model/descriptor';
import type { StoredRecord } from '../../../src/index/storedRecord';
import { recordTexts } from '../../../src/index/storedShapes';
import { writtenRecord } from '../../../src/usecases/writtenRecord';

const field = (name: string, type: FieldType, annotations: FieldDef['annotations'] = []): FieldDef => ({ name, label: name, type, annotations, source: { column: name } });
const schema = [
  field('nom', 'text'), field('pop', 'int'), field('vu', 'datetime'), field('mois', 'date', [{ name: 'timeserie_precision', args: ['month'] }]),
  field('pt', 'geo_point_2d'), field('forme', 'geo_shape'), field('vide', 'double'),
];
const polygon = { type: 'Polygon' as const, coordinates: [[[2.5, 48], [3, 48], [3, 49.25], [2.5, 48]]] };
const record = (withTexts: boolean): StoredRecord => {
  const fields = { forme: polygon, nom: 'Rue "Haute"', pop: 12, vu: '2021-06-01T22:30:00Z', mois: '2021-06-15', pt: [48.5, 2.75] as [number, number] };
  return {
    recordid: 'abc', fields, geometry: { type: 'Point', coordinates: [2.75, 48.5] }, recordTimestamp: '2024-03-01T08:00:00.000Z', sourceLine: 3,
    ...(withTexts ? { texts: recordTexts(schema, fields) } : {}),
  };
};

/** The text after the head, and the parts of it the head's spans point to. */
const partsOf = (kept: Buffer): { text: string; fields: string; properties: string; geometry: string } => {
  const text = kept.subarray(24);
  const [fieldsStart, fieldsEnd, cutStart, cutEnd, geometryStart, geometryEnd] = [0, 4, 8, 12, 16, 20].map((o) => kept.readUInt32LE(o));
  const part = (from: number, to: number): string => text.subarray(from, to).toString('utf8');
  return { text: text.toString('utf8'), fields: part(fieldsStart, fieldsEnd), properties: part(fieldsStart, cutStart) + part(cutEnd, fieldsEnd), geometry: part(geometryStart, geometryEnd) };
};

describe('writtenRecord: what a record index keeps written of a record', () => {
  // The ODS v1 record object (reference/ods-v1.md §2.3), written by hand: fields in schema order,
  // empty ones absent, instants in UTC as ODS shows them, a month-precision date cut to its month.
  const expected = {
    datasetid: 'd', recordid: 'abc',
    fields: { nom: 'Rue "Haute"', pop: 12, vu: '2021-06-01T22:30:00+00:00', mois: '2021-06', pt: [48.5, 2.75], forme: polygon },
    geometry: { type: 'Point', coordinates: [2.75, 48.5] }, record_timestamp: '2024-03-01T08:00:00+00:00',
  };

  test.each([[true], [false]])('from a publish (texts: %s) or read back: the record object from "recordid" on, with ODS separators', (withTexts) => {
    const { text } = partsOf(writtenRecord(schema)(record(withTexts)));
    expect(text.startsWith('"recordid": "abc", "fields": {"nom": "Rue \\"Haute\\"", "pop": 12, ')).toBe(true);
    expect(text).toContain('"forme": {"type": "Polygon", "coordinates": [[[2.5, 48], [3, 48], [3, 49.25], [2.5, 48]]]}');
    expect(JSON.parse(`{"datasetid": "d", ${text}`)).toEqual(expected);
  });

  test('the same text whether the shapes come from the publish\'s texts or are written again', () => {
    expect(writtenRecord(schema)(record(true))).toEqual(writtenRecord(schema)(record(false)));
  });

  test('its head: where the fields are, the shape member cut from them with its separator, and the shape as the geometry', () => {
    const parts = partsOf(writtenRecord(schema)(record(true)));
    const fields = JSON.parse(`{${parts.fields}}`) as Record<string, unknown>;
    expect(fields).toEqual(expected.fields);
    const { forme, ...others } = fields;
    expect(JSON.parse(`{${parts.properties}}`)).toEqual(others);
    expect(parts.properties).toBe(parts.fields.replace(', "forme": {"type": "Polygon", "coordinates": [[[2.5, 48], [3, 48], [3, 49.25], [2.5, 48]]]}', ''));
    expect(JSON.parse(parts.geometry)).toEqual(forme);
  });

  test('without a shape: the record\'s point is the geometry and nothing is cut; without either, no geometry', () => {
    const r = record(true);
    const noShape = partsOf(writtenRecord(schema)({ ...r, fields: { ...r.fields, forme: undefined as never }, texts: undefined }));
    expect([noShape.properties, JSON.parse(noShape.geometry)]).toEqual([noShape.fields, expected.geometry]);
    const bare = partsOf(writtenRecord(schema)({ ...r, fields: { nom: 'é' }, geometry: null, texts: undefined }));
    expect([bare.fields, bare.properties, bare.geometry]).toEqual(['"nom": "é"', '"nom": "é"', '']);
  });
});
