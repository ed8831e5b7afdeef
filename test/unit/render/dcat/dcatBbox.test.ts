import { bboxWkt } from '../../../../src/render/dcat/dcatBbox';

// The boxes below are written by hand: west and east are the smallest and largest longitude,
// south and north the smallest and largest latitude, and the ring runs from (west south)
// counter-clockwise back to it (GeoSPARQL WKT, CRS84, longitude first).
describe('bboxWkt', () => {
  test('a GeoJSON Feature: the box of every position of its geometry', () => {
    const feature = { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[[2.2, 48.8], [2.5, 48.8], [2.4, 48.9], [2.2, 48.8]]] } };
    expect(bboxWkt(feature)).toBe('POLYGON((2.2 48.8, 2.5 48.8, 2.5 48.9, 2.2 48.9, 2.2 48.8))');
  });

  test('a bare geometry, with a third coordinate (ignored) and nested parts', () => {
    const multi = { type: 'MultiPoint', coordinates: [[-1, 5, 100], [3, -2, 7]] };
    expect(bboxWkt(multi)).toBe('POLYGON((-1 -2, 3 -2, 3 5, -1 5, -1 -2))');
  });

  test('positions that are not finite are left out (JSON reads 1e400 as Infinity)', () => {
    const line = JSON.parse('{"type":"LineString","coordinates":[[1,2],[1e400,3],[4,-1e400],[5,6]]}') as unknown;
    expect(bboxWkt(line)).toBe('POLYGON((1 2, 5 2, 5 6, 1 6, 1 2))');
  });

  test('nothing to box: no object, no coordinates, or no finite position', () => {
    expect(bboxWkt(undefined)).toBe(undefined);
    expect(bboxWkt('POINT(1 2)')).toBe(undefined);
    expect(bboxWkt({ type: 'Point' })).toBe(undefined);
    expect(bboxWkt(JSON.parse('{"type":"Point","coordinates":[1e400,2]}'))).toBe(undefined);
  });
});
