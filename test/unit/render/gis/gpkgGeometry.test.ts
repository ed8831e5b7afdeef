import type { GeoJsonGeometry } from '../../../../src/geo/geoJsonGeometry';
import { gpkgGeometry } from '../../../../src/render/gis/gpkgGeometry';
import { readGpkgBlob } from '../../../support/gpkgBlob';

describe('gpkgGeometry', () => {
  test('a point: GP, version 0, little-endian, no envelope, the srs id, then the WKB point', () => {
    const { blob, bounds } = gpkgGeometry({ type: 'Point', coordinates: [2.35, 48.85] }, 4326);
    const r = readGpkgBlob(blob);
    expect(r).toEqual({
      magic: 'GP', version: 0, littleEndian: true, envelopeKind: 0, empty: false, extended: false, srsId: 4326, envelope: [],
      geometry: { type: 'Point', coordinates: [2.35, 48.85] }, trailing: 0,
    });
    expect(blob.length).toBe(8 + 21);
    expect(blob[3]).toBe(0b00000001);
    expect(bounds).toEqual([2.35, 48.85, 2.35, 48.85]);
  });

  test('a polygon with a hole: envelope [minx, maxx, miny, maxy] (indicator 1), rings as given', () => {
    const outer = [[-1, -2], [3, -2], [3, 5], [-1, 5], [-1, -2]];
    const hole = [[0, 0], [0, 1], [1, 1], [0, 0]];
    const { blob, bounds } = gpkgGeometry({ type: 'Polygon', coordinates: [outer, hole] }, 2154);
    const r = readGpkgBlob(blob);
    expect([r.magic, r.version, r.littleEndian, r.envelopeKind, r.empty, r.srsId, r.trailing]).toEqual(['GP', 0, true, 1, false, 2154, 0]);
    expect(blob[3]).toBe(0b00000011);
    expect(r.envelope).toEqual([-1, 3, -2, 5]);
    expect(r.geometry).toEqual({ type: 'Polygon', coordinates: [outer, hole] });
    expect(bounds).toEqual([-1, -2, 3, 5]);
  });

  test('a negative srs id (undefined cartesian) is kept signed', () => {
    expect(readGpkgBlob(gpkgGeometry({ type: 'Point', coordinates: [0, 0] }, -1).blob).srsId).toBe(-1);
  });

  test('every geometry type, multi-part ones and collections included, round-trips through the WKB', () => {
    const geometries: GeoJsonGeometry[] = [
      { type: 'LineString', coordinates: [[0, 0], [10, -3]] },
      { type: 'MultiPoint', coordinates: [[1, 2], [-3, 4]] },
      { type: 'MultiLineString', coordinates: [[[0, 0], [1, 1]], [[5, 5], [6, 7], [8, -9]]] },
      { type: 'MultiPolygon', coordinates: [[[[0, 0], [1, 0], [1, 1], [0, 0]]], [[[10, 10], [12, 10], [12, 12], [10, 10]]]] },
      { type: 'GeometryCollection', geometries: [{ type: 'Point', coordinates: [100, -50] }, { type: 'LineString', coordinates: [[-100, 0], [0, 60]] }] },
    ];
    const envelopes = [[0, 10, -3, 0], [-3, 1, 2, 4], [0, 8, -9, 7], [0, 12, 0, 12], [-100, 100, -50, 60]];
    geometries.forEach((g, i) => {
      const r = readGpkgBlob(gpkgGeometry(g, 4326).blob);
      expect([r.envelopeKind, r.envelope, r.geometry, r.trailing]).toEqual([1, envelopes[i], g, 0]);
    });
  });

  test('a geometry without a position: the empty flag, no envelope, no bounds', () => {
    const { blob, bounds } = gpkgGeometry({ type: 'MultiPoint', coordinates: [] }, 4326);
    const r = readGpkgBlob(blob);
    expect([r.empty, r.envelopeKind, r.geometry, bounds]).toEqual([true, 0, { type: 'MultiPoint', coordinates: [] }, null]);
    expect(blob[3]).toBe(0b00010001);
    expect(blob.length).toBe(8 + 9);
    expect(readGpkgBlob(gpkgGeometry({ type: 'GeometryCollection', geometries: [] }, 4326).blob).empty).toBe(true);
  });

  test('a third coordinate is dropped: the WKB and the envelope are 2D', () => {
    const r = readGpkgBlob(gpkgGeometry({ type: 'LineString', coordinates: [[1, 2, 300], [3, 4, 400]] }, 4326).blob);
    expect([r.envelope, r.geometry]).toEqual([[1, 3, 2, 4], { type: 'LineString', coordinates: [[1, 2], [3, 4]] }]);
  });
});
