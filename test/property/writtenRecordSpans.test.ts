import fc from 'fast-check';
import type { FieldDef, FieldType } from '../../src/model/descriptor';
import type { StoredRecord } from '../../src/index/storedRecord';
import { recordTexts } from '../../src/index/storedShapes';
import { writtenRecord } from '../../src/usecases/writtenRecord';

/**
 * What a record index keeps written of a record, over generated records: texts of every script
 * (one to four UTF-8 bytes a character), the shape first, in the middle, last or alone, fields
 * absent at random. The text must be the record's ODS JSON from "recordid" on, and the head's
 * byte spans must cut from it the fields, the fields without the shape, and the geometry, which
 * are read here with JSON.parse and compared with the record itself.
 */
const field = (name: string, type: FieldType): FieldDef => ({ name, label: name, type, annotations: [], source: { column: name } });
const text = fc.string({ unit: 'grapheme', maxLength: 12 });
// JSON has no negative zero: -0 is written 0.
const coordinate = (max: number): fc.Arbitrary<number> => fc.double({ min: -max, max, noNaN: true }).map((x) => x + 0);
const polygon = fc.array(fc.tuple(coordinate(180), coordinate(90)), { minLength: 3, maxLength: 5 })
  .map((ring) => ({ type: 'Polygon' as const, coordinates: [[...ring, ring[0]]] }));

const cases = fc.record({
  shapeAt: fc.constantFrom('first', 'middle', 'last', 'alone', 'none'),
  nom: fc.option(text, { nil: undefined }),
  note: fc.option(text, { nil: undefined }),
  forme: fc.option(polygon, { nil: undefined }),
  point: fc.option(fc.tuple(coordinate(90), coordinate(180)), { nil: undefined }),
  withTexts: fc.boolean(),
});

const schemaFor = (shapeAt: string): FieldDef[] => {
  const [nom, note, forme] = [field('nom', 'text'), field('note', 'text'), field('forme', 'geo_shape')];
  switch (shapeAt) {
    case 'first': return [forme, nom, note];
    case 'middle': return [nom, forme, note];
    case 'last': return [nom, note, forme];
    case 'alone': return [forme];
    default: return [nom, note];
  }
};

describe('writtenRecord over generated records', () => {
  test('the text is the record from "recordid" on, and the spans cut its fields, its properties and its geometry', () => {
    fc.assert(fc.property(cases, ({ shapeAt, nom, note, forme, point, withTexts }) => {
      const schema = schemaFor(shapeAt);
      const fields: Record<string, unknown> = {};
      for (const f of schema) {
        const v = { nom, note, forme }[f.name as 'nom' | 'note' | 'forme'];
        if (v !== undefined && v !== '') fields[f.name] = v;
      }
      const geometry = point ? { type: 'Point' as const, coordinates: [point[1], point[0]] as [number, number] } : null;
      const r: StoredRecord = {
        recordid: 'r1', fields: fields as StoredRecord['fields'], geometry, recordTimestamp: '2024-03-01T08:00:00.000Z', sourceLine: 1,
        ...(withTexts ? { texts: recordTexts(schema, fields as StoredRecord['fields']) } : {}),
      };
      const kept = writtenRecord(schema)(r);
      const body = kept.subarray(24);
      const [fieldsStart, fieldsEnd, cutStart, cutEnd, geometryStart, geometryEnd] = [0, 4, 8, 12, 16, 20].map((o) => kept.readUInt32LE(o));
      const cut = (from: number, to: number): string => body.subarray(from, to).toString('utf8');

      const whole = JSON.parse(`{${body.toString('utf8')}`) as Record<string, unknown>;
      expect(whole.recordid).toBe('r1');
      expect(whole.fields).toEqual(fields);
      expect(whole.record_timestamp).toBe('2024-03-01T08:00:00+00:00');
      const shape = fields.forme;
      // The record object's own geometry (its point), as ODS shows it; the GeoJSON feature's geometry is the shape when there is one.
      expect(whole.geometry).toEqual(geometry ?? undefined);
      expect(JSON.parse(`{${cut(fieldsStart, fieldsEnd)}}`)).toEqual(fields);
      const properties = Object.fromEntries(Object.entries(fields).filter(([name]) => name !== 'forme'));
      expect(JSON.parse(`{${cut(fieldsStart, cutStart)}${cut(cutEnd, fieldsEnd)}}`)).toEqual(properties);
      // The feature's geometry: the shape, else the point, else nothing (an empty span).
      const feature = cut(geometryStart, geometryEnd);
      expect(feature === '' ? null : JSON.parse(feature)).toEqual(shape ?? geometry);
    }), { numRuns: 1500 });
  });
});
