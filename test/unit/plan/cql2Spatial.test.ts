import type { FilterCrs } from '../../../src/model/featuresRequest';
import type { Predicate } from '../../../src/model/predicate';
import { planCql2 } from '../../../src/plan/cql2/planCql2';
import { QueryError } from '../../../src/query/queryError';
import { recordQuerySchema } from '../../../src/schema/recordQuerySchema';

const CRS84: FilterCrs = { uri: 'CRS84', isWgs84: true, toLonLat: (p) => p };
/** A made-up projected CRS: metres from (0°, 0°), 100 km a degree. */
const PROJECTED: FilterCrs = { uri: 'TEST:1', isWgs84: false, toLonLat: ([x, y]) => [x / 100_000, y / 100_000] };
/** A CRS whose transformation fails (outside its domain). */
const BROKEN: FilterCrs = { uri: 'TEST:2', isWgs84: true, toLonLat: () => [Number.NaN, Number.NaN] };

const schema = recordQuerySchema([
  { name: 'name', label: 'Name', type: 'text', annotations: [], source: { column: 'name' } },
  { name: 'geo', label: 'Geo', type: 'geo_point_2d', annotations: [], source: { column: 'geo' } },
  { name: 'shape', label: 'Shape', type: 'geo_shape', annotations: [], source: { column: 'shape' } },
]);
const plan = (text: string, crs: FilterCrs = CRS84): Predicate => planCql2(text, { schema, timeZone: 'UTC', crs });
function explain(text: string, crs: FilterCrs = CRS84): string {
  try { plan(text, crs); } catch (err) { if (err instanceof QueryError) return err.explain(); throw err; }
  throw new Error(`planned: ${text}`);
}
const at = (message: string, text: string, position: number): string => `${message} at position ${position}\n${text}\n${' '.repeat(position)}^`;

describe('S_INTERSECTS: geometry literals as what an indexed point lies in', () => {
  test('a POINT is a box of no size, [lat, lon] from x y', () => {
    expect(plan('S_INTERSECTS(geo, POINT(-180 -90))')).toEqual({ kind: 'bbox', path: 'v.geo', south: -90, west: -180, north: -90, east: -180 });
    expect(plan('S_INTERSECTS(geo, POINT(180 90))')).toEqual({ kind: 'bbox', path: 'v.geo', south: 90, west: 180, north: 90, east: 180 });
  });

  test('a projected POINT is transformed', () => {
    expect(plan('S_INTERSECTS(geo, POINT(100000 200000))', PROJECTED)).toEqual({ kind: 'bbox', path: 'v.geo', south: 2, west: 1, north: 2, east: 1 });
  });

  test('a POLYGON without holes is its ring, positions as [lat, lon]', () => {
    expect(plan('S_INTERSECTS(geo, POLYGON((0 0, 1 0, 1 2, 0 0)))')).toEqual({ kind: 'polygon', path: 'v.geo', ring: [[0, 0], [0, 1], [2, 1], [0, 0]] });
  });

  test('a shape field is searched by its indexed point too; either order', () => {
    expect(plan('S_INTERSECTS(BBOX(1, 2, 3, 4), shape)')).toEqual({ kind: 'bbox', path: 'v.shape', south: 2, west: 1, north: 4, east: 3 });
  });

  test('a BBOX whose latitudes are equal is a line, not refused', () => {
    expect(plan('S_INTERSECTS(geo, BBOX(1, 2, 3, 2))')).toEqual({ kind: 'bbox', path: 'v.geo', south: 2, west: 1, north: 2, east: 3 });
  });

  test('a projected BBOX is an outline from its lower corner, corners in order', () => {
    const p = plan('S_INTERSECTS(geo, BBOX(-100000, 0, 100000, 100000))', PROJECTED);
    if (p.kind !== 'polygon') throw new Error('polygon expected');
    // 32 points a side (boxOutline), closed: corners at 0, 32, 64, 96 and 128, as [lat, lon]:
    // (x1, y1) = (-1°, 0°), (x2, y1), (x2, y2), (x1, y2), back to the first.
    expect([p.ring.length, p.ring[0], p.ring[32], p.ring[64], p.ring[96], p.ring[128]]).toEqual([129, [0, -1], [0, 1], [1, 1], [1, -1], [0, -1]]);
    // A box of no width is still a box.
    expect(plan('S_INTERSECTS(geo, BBOX(0, 0, 0, 100000))', PROJECTED).kind).toBe('polygon');
    // … and so is a box of no height.
    expect(plan('S_INTERSECTS(geo, BBOX(0, 0, 100000, 0))', PROJECTED).kind).toBe('polygon');
  });
});

describe('S_INTERSECTS: refusals', () => {
  test('positions off the globe, in either axis and direction', () => {
    for (const [point, position] of [['181 0', 18], ['-181 0', 18], ['0 91', 18], ['0 -91', 18]] as const) {
      const text = `S_INTERSECTS(geo, POINT(${point}))`;
      expect(explain(text)).toBe(at('a position lies outside the area of CRS84', text, position));
    }
    const polygon = 'S_INTERSECTS(geo, POLYGON((0 0, 1 0, 1 95, 0 0)))';
    expect(explain(polygon)).toBe(at('a position lies outside the area of CRS84', polygon, 18));
  });

  test('a position the CRS cannot transform, or that falls off the globe once transformed', () => {
    expect(explain('S_INTERSECTS(geo, POINT(0 0))', BROKEN)).toBe(at('a position lies outside the area of TEST:2', 'S_INTERSECTS(geo, POINT(0 0))', 18));
    // Either coordinate alone failing is enough.
    for (const toLonLat of [(): [number, number] => [Number.NaN, 0], (): [number, number] => [0, Number.NaN]]) {
      expect(explain('S_INTERSECTS(geo, POINT(0 0))', { ...BROKEN, toLonLat })).toBe(at('a position lies outside the area of TEST:2', 'S_INTERSECTS(geo, POINT(0 0))', 18));
    }
    const far = 'S_INTERSECTS(geo, POINT(20000000 0))';
    expect(explain(far, PROJECTED)).toBe(at('a position lies outside the area of TEST:1', far, 18));
  });

  test('a projected BBOX whose lower corner is above the upper one, in x or in y', () => {
    for (const text of ['S_INTERSECTS(geo, BBOX(100000, 0, 0, 100000))', 'S_INTERSECTS(geo, BBOX(0, 100000, 100000, 0))']) {
      expect(explain(text, PROJECTED)).toBe(at('BBOX: a lower corner coordinate is above the upper one', text, 18));
    }
  });

  test('two literals, two properties, a property that is no geometry or unknown', () => {
    const literals = 'S_INTERSECTS(POINT(0 0), POINT(1 1))';
    expect(explain(literals)).toBe(at('S_INTERSECTS needs a geometry property', literals, 0));
    const properties = 'S_INTERSECTS(geo, shape)';
    expect(explain(properties)).toBe(at('S_INTERSECTS of two properties is not supported: give one geometry literal', properties, 18));
    const text = 'S_INTERSECTS(POINT(0 0), name)';
    expect(explain(text)).toBe(at('property "name" is not a geometry', text, 25));
    expect(explain('S_INTERSECTS(nope, POINT(0 0))')).toBe(at('unknown property "nope" (queryables: name, geo, shape)', 'S_INTERSECTS(nope, POINT(0 0))', 13));
  });
});
