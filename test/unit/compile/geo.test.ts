import { bboxClause, distanceClause, polygonClause } from '../../../src/compile/geo';

describe('distanceClause', () => {
  test('a geo_distance in metres around lat, lon', () => {
    expect(distanceClause('v.geo', 48.85, 2.35, 1500)).toStrictEqual({ geo_distance: { distance: '1500m', 'v.geo': { lat: 48.85, lon: 2.35 } } });
    expect(distanceClause('v.geo', -33.9, -70.6, 0.5)).toStrictEqual({ geo_distance: { distance: '0.5m', 'v.geo': { lat: -33.9, lon: -70.6 } } });
    expect(distanceClause('v.geo', 0, 0, 0)).toStrictEqual({ geo_distance: { distance: '0m', 'v.geo': { lat: 0, lon: 0 } } });
  });
});

describe('polygonClause', () => {
  test('a ring of [lat, lon] becomes a GeoJSON polygon of [lon, lat], intersecting', () => {
    const ring: Array<[number, number]> = [[48, 2], [49, 2], [49, 3], [48, 2]];
    expect(polygonClause('v.geo', ring)).toStrictEqual({
      geo_shape: { 'v.geo': { shape: { type: 'polygon', coordinates: [[[2, 48], [2, 49], [3, 49], [2, 48]]] }, relation: 'intersects' } },
    });
  });
});

describe('bboxClause', () => {
  const box = (w: number, e: number): object => ({ geo_bounding_box: { 'v.geo': { top_left: { lat: 49, lon: w }, bottom_right: { lat: 48, lon: e } } } });

  test('west of east: one box, top-left (north, west) to bottom-right (south, east)', () => {
    expect(bboxClause('v.geo', 48, 2, 49, 3)).toStrictEqual(box(2, 3));
  });

  test('west equal to east: one box of no width', () => {
    expect(bboxClause('v.geo', 48, 2, 49, 2)).toStrictEqual(box(2, 2));
  });

  test('west east of east: the box crosses the antimeridian, two boxes either side of it', () => {
    expect(bboxClause('v.geo', 48, 170, 49, -170)).toStrictEqual({ bool: { should: [box(170, 180), box(-180, -170)], minimum_should_match: 1 } });
    expect(bboxClause('v.geo', 48, 3, 49, 2)).toStrictEqual({ bool: { should: [box(3, 180), box(-180, 2)], minimum_should_match: 1 } });
  });
});
