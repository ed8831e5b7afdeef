import turfCentroid from '@turf/centroid';
import fc from 'fast-check';
import { centroidOf } from '../../src/ingest/geometry';
import type { Geometry } from '../../src/model/values';

/**
 * A shape's centroid at ingest (the record's `geometry`, a derived geo_point_2d) is turf's
 * centroid: the mean of its vertices, each polygon ring's closing vertex left out. Ingest sums
 * them itself, in turf's order; over every geometry type its numbers must be turf's, bit for bit.
 */
const position = fc.tuple(fc.double({ min: -180, max: 180, noNaN: true }), fc.double({ min: -90, max: 90, noNaN: true }));
const positions = (min: number) => fc.array(position, { minLength: min, maxLength: 6 });
// A closed ring: its first position again at its end.
const ring = positions(3).map((ps) => [...ps, ps[0]]);
const polygon = fc.array(ring, { minLength: 1, maxLength: 3 });
const simple: fc.Arbitrary<Geometry> = fc.oneof(
  position.map((coordinates) => ({ type: 'Point' as const, coordinates })),
  positions(1).map((coordinates) => ({ type: 'MultiPoint' as const, coordinates })),
  positions(2).map((coordinates) => ({ type: 'LineString' as const, coordinates })),
  fc.array(positions(2), { minLength: 1, maxLength: 3 }).map((coordinates) => ({ type: 'MultiLineString' as const, coordinates })),
  polygon.map((coordinates) => ({ type: 'Polygon' as const, coordinates })),
  fc.array(polygon, { minLength: 1, maxLength: 3 }).map((coordinates) => ({ type: 'MultiPolygon' as const, coordinates })),
);
const geometry = fc.oneof(simple, fc.array(simple, { minLength: 1, maxLength: 3 }).map((geometries) => ({ type: 'GeometryCollection' as const, geometries })));

describe('centroidOf', () => {
  test("is turf's centroid, as [lat, lon], for every geometry type", () => {
    fc.assert(fc.property(geometry, (shape) => {
      const [lon, lat] = turfCentroid(shape as Parameters<typeof turfCentroid>[0]).geometry.coordinates;
      expect(centroidOf(shape)).toEqual([lat, lon]);
    }), { numRuns: 2000 });
  });

  test('refuses a shape without positions rather than answer NaN', () => {
    expect(() => centroidOf({ type: 'MultiPoint', coordinates: [] })).toThrow('a MultiPoint without positions has no centroid');
  });
});
