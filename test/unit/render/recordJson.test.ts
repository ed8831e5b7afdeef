import type { FieldDef, FieldType } from '../../../src/model/descriptor';
import type { RecordHit } from '../../../src/model/searchResult';
import type { FieldValue } from '../../../src/model/values';
import { featureJson } from '../../../src/render/featureJson';
import { fieldsJson } from '../../../src/render/fieldsJson';
import { geojsonFeatures } from '../../../src/render/geojsonFeatures';
import { recordJson } from '../../../src/render/recordJson';

const field = (name: string, type: FieldType, annotations: FieldDef['annotations'] = []): FieldDef => ({ name, label: name, type, annotations, source: { column: name } });
const point = { type: 'Point' as const, coordinates: [2.35, 48.85] as [number, number] };
const polygon: FieldValue = { type: 'Polygon', coordinates: [[[2, 48], [3, 48], [3, 49], [2, 48]]] };
const schema = [field('nom', 'text'), field('n', 'double'), field('tags', 'text'), field('quand', 'datetime'), field('mois', 'date', [{ name: 'timeserie_precision', args: ['month'] }]), field('forme', 'geo_shape')];
const hit = (fields: Record<string, unknown>, geometry?: unknown): RecordHit => ({ datasetid: 'x', recordid: 'r"1', record_timestamp: '2026-01-15T12:00:00Z', fields, ...(geometry ? { geometry } : {}) } as unknown as RecordHit);

describe('fieldsJson', () => {
  const write = fieldsJson(schema, 'Europe/Paris');

  test('the members in schema order, Python separators, strings escaped, values rendered', () => {
    const text = write({ tags: ['a', 'b'], n: 1.5, nom: 'le "nom"\n', quand: '2019-06-21T08:00:00Z', mois: '2019-06-21', forme: polygon });
    expect(text).toBe('"nom": "le \\"nom\\"\\n", "n": 1.5, "tags": ["a", "b"], "quand": "2019-06-21T10:00:00+02:00", "mois": "2019-06", '
      + '"forme": {"type": "Polygon", "coordinates": [[[2, 48], [3, 48], [3, 49], [2, 48]]]}');
  });

  test('absent and null values are left out, with no stray separator; zero and the empty string stay', () => {
    expect(write({ nom: null, n: 0 } as unknown as RecordHit['fields'])).toBe('"n": 0');
    expect(write({ tags: '' })).toBe('"tags": ""');
    expect(write({})).toBe('');
  });

  test('a shape as the index keeps it (its JSON text) is written with the same separators', () => {
    expect(write({ forme: { geojson: '{"type":"Polygon","coordinates":[[[2,48],[3,48],[3,49],[2,48]]]}' } }))
      .toBe('"forme": {"type": "Polygon", "coordinates": [[[2, 48], [3, 48], [3, 49], [2, 48]]]}');
  });

  test('one field omitted', () => {
    expect(fieldsJson(schema, 'UTC', 'forme')({ nom: 'a', forme: polygon })).toBe('"nom": "a"');
  });
});

describe('recordJson', () => {
  const write = recordJson({ schema, timeZone: 'Europe/Paris', datasetId: 'jeu "1"' });

  test('the ODS v1 record object as one line of JSON', () => {
    expect(write(hit({ nom: 'a' }, point)))
      .toBe('{"datasetid": "jeu \\"1\\"", "recordid": "r\\"1", "fields": {"nom": "a"}, "geometry": {"type": "Point", "coordinates": [2.35, 48.85]}, "record_timestamp": "2026-01-15T13:00:00+01:00"}');
  });

  test('no geometry member without a geometry', () => {
    expect(write(hit({}))).toBe('{"datasetid": "jeu \\"1\\"", "recordid": "r\\"1", "fields": {}, "record_timestamp": "2026-01-15T13:00:00+01:00"}');
  });
});

describe('GeoJSON features (RFC 7946 §3.2)', () => {
  const ctx = { schema, timeZone: 'UTC', datasetId: 'd' };
  const noShape = schema.filter((f) => f.type !== 'geo_shape');

  test('with a shape column: the shape is the geometry, and not a property', () => {
    expect(featureJson(ctx, schema)(hit({ nom: 'a', forme: polygon }, point)))
      .toBe('{"type": "Feature", "geometry": {"type": "Polygon", "coordinates": [[[2, 48], [3, 48], [3, 49], [2, 48]]]}, "properties": {"nom": "a"}}');
    expect(geojsonFeatures(schema, [{ datasetid: 'd', recordid: 'r', fields: { nom: 'a', forme: polygon }, geometry: point, record_timestamp: '' }]))
      .toEqual([{ type: 'Feature', geometry: polygon, properties: { nom: 'a' } }]);
  });

  test('a shape as the index keeps it (its JSON text) is the geometry, written with the same separators', () => {
    expect(featureJson(ctx, schema)(hit({ nom: 'a', forme: { geojson: '{"type":"Polygon","coordinates":[[[2,48],[3,48],[3,49],[2,48]]]}' } }, point)))
      .toBe('{"type": "Feature", "geometry": {"type": "Polygon", "coordinates": [[[2, 48], [3, 48], [3, 49], [2, 48]]]}, "properties": {"nom": "a"}}');
  });

  test('with a shape column but no shape: the point, else null', () => {
    expect(featureJson(ctx, schema)(hit({ nom: 'a', forme: null }, point))).toBe('{"type": "Feature", "geometry": {"type": "Point", "coordinates": [2.35, 48.85]}, "properties": {"nom": "a"}}');
    expect(featureJson(ctx, schema)(hit({ nom: 'a' }))).toBe('{"type": "Feature", "geometry": null, "properties": {"nom": "a"}}');
    expect(geojsonFeatures(schema, [{ datasetid: 'd', recordid: 'r', fields: { nom: 'a' }, geometry: point, record_timestamp: '' }]))
      .toEqual([{ type: 'Feature', geometry: point, properties: { nom: 'a' } }]);
    expect(geojsonFeatures(schema, [{ datasetid: 'd', recordid: 'r', fields: { nom: 'a' }, record_timestamp: '' }]))
      .toEqual([{ type: 'Feature', geometry: null, properties: { nom: 'a' } }]);
  });

  test('without a shape column: the point is the geometry, and every field a property', () => {
    expect(featureJson(ctx, noShape)(hit({ nom: 'a', forme: polygon }, point)))
      .toBe('{"type": "Feature", "geometry": {"type": "Point", "coordinates": [2.35, 48.85]}, "properties": {"nom": "a", "forme": {"type": "Polygon", "coordinates": [[[2, 48], [3, 48], [3, 49], [2, 48]]]}}}');
    expect(geojsonFeatures(noShape, [{ datasetid: 'd', recordid: 'r', fields: { nom: 'a', '': 'empty name' }, geometry: point, record_timestamp: '' }]))
      .toEqual([{ type: 'Feature', geometry: point, properties: { nom: 'a', '': 'empty name' } }]);
    expect(geojsonFeatures(noShape, [{ datasetid: 'd', recordid: 'r', fields: {}, record_timestamp: '' }])).toEqual([{ type: 'Feature', geometry: null, properties: {} }]);
  });
});
