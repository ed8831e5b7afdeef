import { parseLatLon } from '../../../src/geo/latLon';
import { MAX_POLYGON_VERTICES, parsePolygonRing } from '../../../src/geo/polygonRing';

const message = (r: { ok: boolean; message?: string }): string | undefined => (r.ok ? undefined : r.message);

describe('parsePolygonRing', () => {
  test('closes an open ring and keeps [lat, lon]', () => {
    expect(parsePolygonRing('(48.88,2.37), (48.87, 2.37),(48.88,2.38)')).toEqual({
      ok: true, value: [[48.88, 2.37], [48.87, 2.37], [48.88, 2.38], [48.88, 2.37]],
    });
    expect(parsePolygonRing('(1,1),(1,2),(2,2),(1,1)')).toEqual({ ok: true, value: [[1, 1], [1, 2], [2, 2], [1, 1]] });
  });
  test('refuses malformed points, out-of-range coordinates, degenerate and crossing rings, too many vertices', () => {
    expect(message(parsePolygonRing('48,2,49,3'))).toMatch(/^expected "\(latitude,longitude\)/);
    expect(message(parsePolygonRing('(48,2),(49,x),(48,3)'))).toMatch(/^expected/);
    expect(message(parsePolygonRing('(48,2),(49,181),(48,3)'))).toBe('longitude 181 is outside [-180, 180]');
    expect(message(parsePolygonRing('(48,2),(49,3),(48,2)'))).toBe('a polygon needs at least three distinct points');
    expect(message(parsePolygonRing('(48,2),(49,3),(50,4)'))).toMatch(/no area/);
    expect(message(parsePolygonRing('(0,0),(1,1),(0,1),(1,0)'))).toMatch(/edges 1 and 3 cross/);
    const many = Array.from({ length: MAX_POLYGON_VERTICES + 1 }, (_, i) => `(${Math.sin(i)},${Math.cos(i)})`).join(',');
    expect(message(parsePolygonRing(many))).toMatch(/at most 1000 vertices/);
  });
});

describe('parseLatLon', () => {
  test('latitude first, decimal numbers only', () => {
    expect(parseLatLon('48.86, 2.38')).toEqual({ ok: true, value: [48.86, 2.38] });
    expect(message(parseLatLon('48.86'))).toMatch(/^expected "latitude,longitude"/);
    expect(message(parseLatLon('0x10,2'))).toMatch(/not two decimal numbers/);
    expect(message(parseLatLon('-91,2'))).toBe('latitude -91 is outside [-90, 90]');
  });
});
