import type { Annotation, FieldDef, FieldType } from '../../../../src/model/descriptor';
import type { RecordHit } from '../../../../src/model/searchResult';
import type { FieldValue } from '../../../../src/model/values';
import { gisLayout } from '../../../../src/render/gis/gisLayout';

const field = (name: string, type: FieldType, annotations: Annotation[] = []): FieldDef => ({ name, label: `Label of ${name}`, type, annotations, source: { column: name } });
const hit = (fields: Record<string, FieldValue>, geometry?: RecordHit['geometry']): RecordHit => ({ datasetid: 'd', recordid: 'r', record_timestamp: '2026-01-01T00:00:00Z', fields, ...(geometry ? { geometry } : {}) });
const ctx = { schema: [], timeZone: 'Europe/Paris', datasetId: 'd' };
const shape = { type: 'Polygon' as const, coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] };
const point = { type: 'Point' as const, coordinates: [2.35, 48.85] as [number, number] };

/** The value of the one column of a layout over `f`, for a record holding `v`. */
const valueOf = (f: FieldDef, v: FieldValue | undefined, timeZone = 'Europe/Paris') => {
  const layout = gisLayout({ ...ctx, timeZone }, [f], 'layer');
  return layout.columns[0].value(v === undefined ? {} : { [f.name]: v });
};

describe('gisLayout columns', () => {
  test('every field but the geo_shape becomes a column, in order, with its name, label and GIS type', () => {
    const layout = gisLayout(ctx, [field('nom', 'text'), field('forme', 'geo_shape'), field('n', 'int'), field('x', 'double'), field('jour', 'date'), field('at', 'datetime'), field('pt', 'geo_point_2d'), field('doc', 'file')], 'arbres');
    expect(layout.layer).toBe('arbres');
    expect(layout.columns.map((c) => [c.name, c.label, c.type])).toEqual([
      ['nom', 'Label of nom', 'text'], ['n', 'Label of n', 'int'], ['x', 'Label of x', 'double'], ['jour', 'Label of jour', 'date'],
      ['at', 'Label of at', 'datetime'], ['pt', 'Label of pt', 'text'], ['doc', 'Label of doc', 'text'],
    ]);
  });

  test('only the first geo_shape gives the geometry: a second one is a text column', () => {
    const layout = gisLayout(ctx, [field('a', 'geo_shape'), field('b', 'geo_shape')], 'l');
    expect(layout.columns.map((c) => [c.name, c.type])).toEqual([['b', 'text']]);
    expect(layout.columns[0].value({ b: shape })).toBe(JSON.stringify(shape));
  });

  test('a multivalued int or double is text; a date cut to a year or a month is text, to a day a date', () => {
    const types = gisLayout(ctx, [
      field('ni', 'int', [{ name: 'multivalued', args: [';'] }]), field('nd', 'double', [{ name: 'multivalued' }]),
      field('y', 'date', [{ name: 'timeserie_precision', args: ['year'] }]), field('m', 'date', [{ name: 'timeserie_precision', args: ['month'] }]),
      field('d', 'date', [{ name: 'timeserie_precision', args: ['day'] }]), field('i', 'int', [{ name: 'facet' }]),
    ], 'l').columns.map((c) => c.type);
    expect(types).toEqual(['text', 'text', 'text', 'text', 'date', 'int']);
  });

  test('numbers are numbers; anything else in a number column, or nothing, is empty', () => {
    expect(valueOf(field('n', 'int'), 42)).toBe(42);
    expect(valueOf(field('x', 'double'), -0.5)).toBe(-0.5);
    expect(valueOf(field('x', 'double'), 0)).toBe(0);
    expect(valueOf(field('n', 'int'), '42')).toBeUndefined();
    expect(valueOf(field('n', 'int'), undefined)).toBeUndefined();
    expect(valueOf(field('n', 'int'), null as unknown as FieldValue)).toBeUndefined();
  });

  test('a date is its YYYY-MM-DD; a datetime its UTC ISO instant, whatever the time zone', () => {
    expect(valueOf(field('d', 'date'), '2024-03-05')).toBe('2024-03-05');
    expect(valueOf(field('d', 'date'), '2024-03-05T23:30:00+02:00')).toBe('2024-03-05');
    expect(valueOf(field('d', 'date'), 20240305)).toBeUndefined();
    expect(valueOf(field('t', 'datetime'), '2024-03-05T23:30:00+02:00')).toBe('2024-03-05T21:30:00.000Z');
    expect(valueOf(field('t', 'datetime'), '2024-03-05T23:30:00+02:00', 'UTC')).toBe('2024-03-05T21:30:00.000Z');
    expect(valueOf(field('t', 'datetime'), 5)).toBeUndefined();
    expect(valueOf(field('t', 'datetime'), undefined)).toBeUndefined();
  });

  test('a date cut to its precision is the text the record shows', () => {
    expect(valueOf(field('y', 'date', [{ name: 'timeserie_precision', args: ['year'] }]), '2024-03-05')).toBe('2024');
    expect(valueOf(field('m', 'date', [{ name: 'timeserie_precision', args: ['month'] }]), '2024-03-05')).toBe('2024-03');
  });

  test('text columns: a point as "lat,lon", a shape as GeoJSON, a file by its name, several values joined by their separator', () => {
    expect(valueOf(field('t', 'text'), 'héllo')).toBe('héllo');
    expect(valueOf(field('t', 'text'), '')).toBe('');
    expect(valueOf(field('pt', 'geo_point_2d'), [48.85, 2.35])).toBe('48.85,2.35');
    expect(valueOf(field('doc', 'file'), { id: 'abc', filename: 'plan.pdf', mimetype: 'application/pdf' })).toBe('plan.pdf');
    expect(valueOf(field('tags', 'text', [{ name: 'multivalued', args: [';'] }]), ['a', 'b', 'c'])).toBe('a;b;c');
    expect(valueOf(field('tags', 'text', [{ name: 'multivalued' }]), ['a', 'b'])).toBe('a,b');
    expect(valueOf(field('ns', 'int', [{ name: 'multivalued', args: ['|'] }]), [1, 2])).toBe('1|2');
    expect(valueOf(field('t', 'text'), undefined)).toBeUndefined();
    expect(valueOf(field('t', 'text'), null as unknown as FieldValue)).toBeUndefined();
  });

  test('a number in a text column is its decimal text', () => {
    expect(valueOf(field('t', 'text'), 12.5)).toBe('12.5');
  });
});

describe('gisLayout geometry', () => {
  test('the record\'s geo_shape, else its point, else none', () => {
    const layout = gisLayout(ctx, [field('nom', 'text'), field('forme', 'geo_shape')], 'l');
    expect(layout.geometry(hit({ forme: shape }, point))).toEqual(shape);
    expect(layout.geometry(hit({ nom: 'x' }, point))).toEqual(point);
    expect(layout.geometry(hit({ forme: null as unknown as FieldValue }, point))).toEqual(point);
    expect(layout.geometry(hit({}))).toBeNull();
  });

  test('without a geo_shape column: the record\'s point, or none', () => {
    const layout = gisLayout(ctx, [field('nom', 'text')], 'l');
    expect(layout.geometry(hit({ nom: 'x', forme: shape }, point))).toEqual(point);
    expect(layout.geometry(hit({ nom: 'x' }))).toBeNull();
    // Not even a field that happens to be named "undefined".
    expect(layout.geometry(hit({ undefined: shape }, point))).toEqual(point);
  });
});
