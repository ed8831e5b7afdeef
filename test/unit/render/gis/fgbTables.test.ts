import type { GeoJsonGeometry } from '../../../../src/geo/geoJsonGeometry';
import { FGB_MAGIC, fgbFeature, fgbHeader, type FgbSummary } from '../../../../src/render/gis/fgbTables';
import type { GisColumn, GisType } from '../../../../src/render/gis/gisLayout';
import { FGB_FILE_MAGIC, readFgbFeature, readFgbHeader, type FgbColumnRead } from '../../../support/fgbRead';

const col = (name: string, type: GisType, label = name): GisColumn => ({ name, label, type, value: () => undefined });
/** ColumnType of the FlatGeobuf schema: Long 7, Double 10, String 11, DateTime 13. */
const LONG = 7; const DOUBLE = 10; const STRING = 11; const DATETIME = 13;
const readCols = (types: number[]): FgbColumnRead[] => types.map((type, i) => ({ name: `c${i}`, type, title: null }));
const geometryOf = (g: GeoJsonGeometry) => readFgbFeature(fgbFeature(g, [], []), []).geometry;

describe('FGB_MAGIC', () => {
  test('fgb, version 3, fgb, 0', () => {
    expect([...FGB_MAGIC]).toEqual(FGB_FILE_MAGIC);
    expect(FGB_MAGIC.subarray(0, 3).toString('latin1')).toBe('fgb');
  });
});

describe('fgbFeature geometry', () => {
  test('a point: type 1, its x and y (a third coordinate dropped), no ends, no parts', () => {
    expect(geometryOf({ type: 'Point', coordinates: [2.35, 48.85, 35] })).toEqual({ type: 1, xy: [2.35, 48.85], ends: null, hasZ: false, parts: null });
  });

  test('a line string (2) and a multipoint (4): one part, no ends', () => {
    expect(geometryOf({ type: 'LineString', coordinates: [[0, 1], [2, 3], [4, 5]] })).toEqual({ type: 2, xy: [0, 1, 2, 3, 4, 5], ends: null, hasZ: false, parts: null });
    expect(geometryOf({ type: 'MultiPoint', coordinates: [[-1, -2], [3, 4]] })).toEqual({ type: 4, xy: [-1, -2, 3, 4], ends: null, hasZ: false, parts: null });
  });

  test('a polygon (3): rings flattened; with a hole, the end of every ring in positions', () => {
    const outer = [[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]];
    const hole = [[1, 1], [1, 2], [2, 2], [1, 1]];
    expect(geometryOf({ type: 'Polygon', coordinates: [outer] })).toEqual({ type: 3, xy: outer.flat(), ends: null, hasZ: false, parts: null });
    expect(geometryOf({ type: 'Polygon', coordinates: [outer, hole] })).toEqual({ type: 3, xy: [...outer, ...hole].flat(), ends: [5, 9], hasZ: false, parts: null });
  });

  test('a multilinestring (5): lines flattened with their ends; one line, no ends', () => {
    expect(geometryOf({ type: 'MultiLineString', coordinates: [[[0, 0], [1, 1]], [[5, 5], [6, 6], [7, 8]]] })).toEqual({ type: 5, xy: [0, 0, 1, 1, 5, 5, 6, 6, 7, 8], ends: [2, 5], hasZ: false, parts: null });
    expect(geometryOf({ type: 'MultiLineString', coordinates: [[[0, 0], [1, 1]]] })).toEqual({ type: 5, xy: [0, 0, 1, 1], ends: null, hasZ: false, parts: null });
  });

  test('a multipolygon (6): one polygon part each, no coordinates of its own', () => {
    const a = [[[0, 0], [1, 0], [1, 1], [0, 0]]];
    const b = [[[10, 10], [14, 10], [14, 14], [10, 10]], [[11, 11], [12, 11], [12, 12], [11, 11]]];
    expect(geometryOf({ type: 'MultiPolygon', coordinates: [a, b] })).toEqual({
      type: 6, xy: null, ends: null, hasZ: false,
      parts: [
        { type: 3, xy: a[0].flat(), ends: null, hasZ: false, parts: null },
        { type: 3, xy: [...b[0], ...b[1]].flat(), ends: [4, 8], hasZ: false, parts: null },
      ],
    });
  });

  test('a geometry collection (7): one part per member, nested collections and multipolygons included', () => {
    const g: GeoJsonGeometry = {
      type: 'GeometryCollection',
      geometries: [
        { type: 'Point', coordinates: [1, 2] },
        { type: 'GeometryCollection', geometries: [{ type: 'LineString', coordinates: [[0, 0], [1, 1]] }] },
        { type: 'MultiPolygon', coordinates: [[[[0, 0], [1, 0], [1, 1], [0, 0]]]] },
      ],
    };
    expect(geometryOf(g)).toEqual({
      type: 7, xy: null, ends: null, hasZ: false,
      parts: [
        { type: 1, xy: [1, 2], ends: null, hasZ: false, parts: null },
        { type: 7, xy: null, ends: null, hasZ: false, parts: [{ type: 2, xy: [0, 0, 1, 1], ends: null, hasZ: false, parts: null }] },
        { type: 6, xy: null, ends: null, hasZ: false, parts: [{ type: 3, xy: [0, 0, 1, 0, 1, 1, 0, 0], ends: null, hasZ: false, parts: null }] },
      ],
    });
  });

  // Counts that end at every size of the builder's buffer: each vector is read back whole.
  const square = (k: number): number[][] => [[k, 0], [k + 1, 0], [k + 1, 1], [k, 0]];
  const counts = Array.from({ length: 199 }, (_, i) => i + 2);

  test('a polygon of 2 to 200 rings: the end of every ring, 4 positions each', () => {
    const wrong = counts.filter((n) => {
      const ends = geometryOf({ type: 'Polygon', coordinates: Array.from({ length: n }, (_, k) => square(k)) })?.ends;
      return JSON.stringify(ends) !== JSON.stringify(Array.from({ length: n }, (_, k) => 4 * (k + 1)));
    });
    expect(wrong).toEqual([]);
  });

  test('a multipolygon of 2 to 200 polygons: one part each, in order', () => {
    const wrong = counts.filter((n) => {
      const parts = geometryOf({ type: 'MultiPolygon', coordinates: Array.from({ length: n }, (_, k) => [square(k)]) })?.parts;
      return parts?.length !== n || parts.some((p, k) => JSON.stringify(p.xy) !== JSON.stringify(square(k).flat()));
    });
    expect(wrong).toEqual([]);
  });

  test('no geometry: the feature has none', () => {
    expect(readFgbFeature(fgbFeature(null, [], []), []).geometry).toBeNull();
  });

  test('the feature is size-prefixed: its first 4 bytes count the bytes after them', () => {
    const bytes = fgbFeature({ type: 'Point', coordinates: [1, 2] }, [col('a', 'text')], ['x']);
    expect(Buffer.from(bytes).readUInt32LE(0)).toBe(bytes.length - 4);
  });
});

describe('fgbFeature properties', () => {
  const columns = [col('n', 'int'), col('x', 'double'), col('t', 'text'), col('d', 'date'), col('at', 'datetime')];
  const types = readCols([LONG, DOUBLE, STRING, DATETIME, DATETIME]);

  test('each value present: its column index (uint16), then int64, double, or length-prefixed UTF-8', () => {
    const f = readFgbFeature(fgbFeature(null, columns, [-42, 2.5, 'héllo 😀', '2024-03-05', '2024-03-05T10:00:00.000Z']), types);
    expect(f.properties).toEqual([[0, BigInt(-42)], [1, 2.5], [2, 'héllo 😀'], [3, '2024-03-05'], [4, '2024-03-05T10:00:00.000Z']]);
    expect(f.leftover).toBe(0);
  });

  test('empty values are left out; the indexes of the others stay their column\'s', () => {
    const f = readFgbFeature(fgbFeature(null, columns, [undefined, undefined, '', undefined, '2024-03-05T10:00:00.000Z']), types);
    expect(f.properties).toEqual([[2, ''], [4, '2024-03-05T10:00:00.000Z']]);
  });

  test('no values: an empty properties vector', () => {
    const f = readFgbFeature(fgbFeature(null, columns, [undefined, undefined, undefined, undefined, undefined]), types);
    expect([f.properties, f.leftover]).toEqual([[], 0]);
  });

  test('an int column keeps the integer part of a value; large ones stay exact to 2^53', () => {
    const f = readFgbFeature(fgbFeature(null, [col('n', 'int'), col('m', 'int')], [7.9, 9007199254740991]), readCols([LONG, LONG]));
    expect(f.properties).toEqual([[0, BigInt(7)], [1, BigInt('9007199254740991')]]);
    const neg = readFgbFeature(fgbFeature(null, [col('n', 'int')], [-7.9]), readCols([LONG]));
    expect(neg.properties).toEqual([[0, BigInt(-7)]]);
  });

  test('a column index above 255 takes both bytes', () => {
    const many = Array.from({ length: 300 }, (_, i) => col(`c${i}`, 'double'));
    const values = many.map((_, i) => (i === 299 ? 1.5 : undefined));
    const f = readFgbFeature(fgbFeature(null, many, values), readCols(many.map(() => DOUBLE)));
    expect(f.properties).toEqual([[299, 1.5]]);
  });
});

describe('fgbHeader', () => {
  const summary: FgbSummary = {
    layer: 'arbres', columns: [col('nom', 'text', 'Le nom'), col('n', 'int', 'N'), col('x', 'double', 'X'), col('d', 'date', 'Jour'), col('at', 'datetime', 'Quand')],
    geometryType: 'MultiPolygon', count: 70000, bounds: [-5.5, 41.25, 9.75, 51.125], epsg: 4326, crsName: 'WGS 84',
  };

  test('name, envelope, geometry type, columns (name, type, title), feature count, no index, CRS by EPSG code', () => {
    const h = readFgbHeader(fgbHeader(summary));
    expect(h).toEqual({
      size: expect.any(Number) as number,
      name: 'arbres', envelope: [-5.5, 41.25, 9.75, 51.125], geometryType: 6, hasZ: false, hasM: false,
      columns: [
        { name: 'nom', type: STRING, title: 'Le nom' }, { name: 'n', type: LONG, title: 'N' }, { name: 'x', type: DOUBLE, title: 'X' },
        { name: 'd', type: DATETIME, title: 'Jour' }, { name: 'at', type: DATETIME, title: 'Quand' },
      ],
      featuresCount: BigInt(70000), indexNodeSize: 0, crs: { org: 'EPSG', code: 4326, name: 'WGS 84' },
    });
  });

  test('the header is size-prefixed', () => {
    const bytes = fgbHeader(summary);
    expect(Buffer.from(bytes).readUInt32LE(0)).toBe(bytes.length - 4);
  });

  test('every geometry type by its number; mixed (null) is Unknown, 0', () => {
    const types: Array<[FgbSummary['geometryType'], number]> = [['Point', 1], ['LineString', 2], ['Polygon', 3], ['MultiPoint', 4], ['MultiLineString', 5], ['MultiPolygon', 6], ['GeometryCollection', 7], [null, 0]];
    for (const [geometryType, code] of types) expect(readFgbHeader(fgbHeader({ ...summary, geometryType })).geometryType).toBe(code);
  });

  test('no geometry: no envelope; no record, no column: a count of 0', () => {
    const h = readFgbHeader(fgbHeader({ ...summary, columns: [], geometryType: null, count: 0, bounds: null }));
    expect([h.envelope, h.geometryType, h.columns, h.featuresCount, h.indexNodeSize]).toEqual([null, 0, [], BigInt(0), 0]);
  });

  test('another CRS: its code and name', () => {
    const h = readFgbHeader(fgbHeader({ ...summary, epsg: 2154, crsName: 'RGF93 v1 / Lambert-93' }));
    expect(h.crs).toEqual({ org: 'EPSG', code: 2154, name: 'RGF93 v1 / Lambert-93' });
  });

  test('a count past 2^32 is kept whole (uint64)', () => {
    expect(readFgbHeader(fgbHeader({ ...summary, count: 2 ** 33 + 5 })).featuresCount).toBe(BigInt(2 ** 33 + 5));
  });
});
