import type { GeoJsonGeometry } from '../../../src/geo/geoJsonGeometry';
import { decodeWkb } from '../../../src/geo/wkb';
import { encodeWkb } from '../../../src/geo/wkbWriter';
import { gpkgGeometry } from '../../../src/render/gis/gpkgGeometry';

const SAMPLES: GeoJsonGeometry[] = [
  { type: 'Point', coordinates: [2.35, 48.85] },
  { type: 'LineString', coordinates: [[0, 0], [1, 1], [2, 0]] },
  { type: 'Polygon', coordinates: [[[0, 0], [4, 0], [4, 4], [0, 0]], [[1, 1], [2, 1], [2, 2], [1, 1]]] },
  { type: 'MultiPoint', coordinates: [[0, 0], [5, 5]] },
  { type: 'MultiLineString', coordinates: [[[0, 0], [1, 1]], [[2, 2], [3, 3]]] },
  { type: 'MultiPolygon', coordinates: [[[[0, 0], [1, 0], [1, 1], [0, 0]]], [[[5, 5], [6, 5], [6, 6], [5, 5]]]] },
  { type: 'GeometryCollection', geometries: [{ type: 'Point', coordinates: [1, 2] }, { type: 'LineString', coordinates: [[0, 0], [1, 1]] }] },
];

describe('encodeWkb', () => {
  test.each(SAMPLES.map((g) => [g.type, g] as const))('%s: read back as written by the WKB reader used on GDAL files', (_type, g) => {
    expect(decodeWkb(encodeWkb(g))).toEqual(g);
  });

  test('a point is 21 bytes: little-endian flag, type 1, x, y', () => {
    const b = encodeWkb({ type: 'Point', coordinates: [2.5, -1] });
    expect([b.length, b[0], b.readUInt32LE(1), b.readDoubleLE(5), b.readDoubleLE(13)]).toEqual([21, 1, 1, 2.5, -1]);
  });
});

describe('gpkgGeometry', () => {
  test('a polygon: GP, version 0, flags little-endian with an xy envelope, the srs id, minx maxx miny maxy, then the WKB', () => {
    const g: GeoJsonGeometry = { type: 'Polygon', coordinates: [[[1, 2], [5, 2], [5, 7], [1, 2]]] };
    const { blob, bounds } = gpkgGeometry(g, 4326);
    expect([blob.toString('latin1', 0, 2), blob[2], blob[3], blob.readInt32LE(4)]).toEqual(['GP', 0, 0b011, 4326]);
    expect([0, 1, 2, 3].map((i) => blob.readDoubleLE(8 + 8 * i))).toEqual([1, 5, 2, 7]);
    expect(bounds).toEqual([1, 2, 5, 7]);
    expect(decodeWkb(blob.subarray(40))).toEqual(g);
  });

  test('a point has no envelope: the WKB follows the 8-byte header', () => {
    const { blob } = gpkgGeometry({ type: 'Point', coordinates: [3, 4] }, 4326);
    expect([blob[3], blob.length]).toEqual([1, 8 + 21]);
  });
});
