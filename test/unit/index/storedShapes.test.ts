import type { FieldDef } from '../../../src/model/descriptor';
import type { FieldValue } from '../../../src/model/values';
import { fieldsToStore, publishedFields, recordTexts } from '../../../src/index/storedShapes';

const f = (name: string, type: FieldDef['type']): FieldDef => ({ name, label: name, type, annotations: [], source: { column: name } });

describe('shapes kept as their text', () => {
  const schema = [f('nom', 'text'), f('zone', 'geo_shape'), f('pt', 'geo_point_2d'), f('doc', 'file'), f('trace', 'geo_shape')];
  const zone = { type: 'MultiPolygon' as const, coordinates: [[[[2.5, 48.1], [2.6, 48.1], [2.6, 48.2], [2.5, 48.1]]]] };
  const fields: Record<string, FieldValue> = { nom: '{"type":"Point"}', zone, pt: [48.1, 2.5], doc: { filename: 'a.pdf' } };

  test('each geo_shape stored as JSON.stringify\'s text, the other values (a text that looks like GeoJSON too) as published, in their order', () => {
    const stored = fieldsToStore(schema, fields);
    expect(stored).toEqual({ ...fields, zone: { geojson: JSON.stringify(zone) } });
    expect(Object.keys(stored)).toEqual(['nom', 'zone', 'pt', 'doc']);
    expect(fields.zone).toBe(zone);
  });

  test('read back, the fields are what was published', () => {
    expect(publishedFields(JSON.parse(JSON.stringify(fieldsToStore(schema, fields))) as Record<string, FieldValue>)).toEqual(fields);
  });

  test('a document written before shapes were kept as text reads as it was', () => {
    expect(publishedFields({ ...fields })).toEqual(fields);
  });

  test('a geometry holding a foreign `geojson` member of its own is a geometry, stored and read back whole', () => {
    const odd = { type: 'Point' as const, coordinates: [2.5, 48.1], geojson: 'not a shape' } as unknown as FieldValue;
    const stored = fieldsToStore(schema, { zone: odd });
    expect(stored).toEqual({ zone: { geojson: JSON.stringify(odd) } });
    expect(publishedFields(JSON.parse(JSON.stringify(stored)) as Record<string, FieldValue>)).toEqual({ zone: odd });
    expect(publishedFields({ zone: odd })).toEqual({ zone: odd });
  });

  test('fields without a shape are stored as they are', () => {
    const plain = { nom: 'Ain', pt: [46, 5] as [number, number] };
    expect(fieldsToStore(schema, plain)).toBe(plain);
  });

  test('the texts a publish writes once are JSON.stringify\'s, and the document keeps the same shapes', () => {
    const odd = { coordinates: [2.5, 48.1], type: 'Point', bbox: [2.5, 48.1, 2.5, 48.1] } as unknown as FieldValue;
    const cases: Array<Record<string, FieldValue>> = [
      fields,
      { constructor: 'x', zone, trace: odd, gone: undefined as unknown as FieldValue, n: 2 },
      { nom: 'sans forme' },
    ];
    for (const c of cases) {
      const written = new Map<unknown, string>();
      const texts = recordTexts(schema, c, written);
      expect(texts.fields).toBe(JSON.stringify(c));
      // JSON.stringify(undefined) is undefined: a field without a shape has no text.
      for (const name of ['zone', 'trace']) expect(texts.shapes[name]).toBe(JSON.stringify(c[name]));
      expect(texts.stored).toBe(JSON.stringify(fieldsToStore(schema, c)));
      for (const [array, text] of written) expect(text).toBe(JSON.stringify(array));
    }
  });

  test('the coordinates written for the shape are handed on, once', () => {
    const written = new Map<unknown, string>();
    recordTexts(schema, fields, written);
    expect([...written.keys()]).toEqual([zone.coordinates]);
  });
});
