import { pixelDegrees, simplifyGeometry } from '../../../src/results/simplifyGeometry';
import type { Geometry } from '../../../src/model/values';

const line = (coordinates: number[][]): Geometry => ({ type: 'LineString', coordinates }) as Geometry;
const coords = (g: Geometry): unknown => (g as { coordinates: unknown }).coordinates;

describe('pixelDegrees', () => {
  it('is 360° over the width of the world in pixels (256 at zoom 0, doubling each level)', () => {
    expect(pixelDegrees(0)).toBe(360 / 256);
    expect(pixelDegrees(1)).toBe(360 / 512);
    expect(pixelDegrees(3)).toBe(360 / 2048);
  });
});

describe('simplifyGeometry', () => {
  it('drops a point exactly at the tolerance, keeps one just beyond it', () => {
    // [1, 0.5] is 0.5 from the segment [0,0]–[2,0].
    const g = line([[0, 0], [1, 0.5], [2, 0]]);
    expect(coords(simplifyGeometry(g, 0.5))).toEqual([[0, 0], [2, 0]]);
    expect(coords(simplifyGeometry(g, 0.49))).toEqual([[0, 0], [1, 0.5], [2, 0]]);
  });

  it('measures the distance to the segment, not to the infinite line, beyond either end', () => {
    // [3, 1] is 1 from the line y = 0 but √5 ≈ 2.24 from the segment [0,0]–[1,0] (nearest: its end [1,0]);
    // [-2, 1] likewise √5 from the segment (nearest: its start [0,0]).
    expect(coords(simplifyGeometry(line([[0, 0], [3, 1], [1, 0]]), 1.5))).toEqual([[0, 0], [3, 1], [1, 0]]);
    expect(coords(simplifyGeometry(line([[0, 0], [-2, 1], [1, 0]]), 1.5))).toEqual([[0, 0], [-2, 1], [1, 0]]);
    // Inside the segment it is the perpendicular distance: [1, 1] is 1 from [0,0]–[3,0], dropped at 1.5.
    expect(coords(simplifyGeometry(line([[0, 0], [1, 1], [3, 0]]), 1.5))).toEqual([[0, 0], [3, 0]]);
  });

  it('keeps the farthest point first, and the first of two equally far', () => {
    // From [0,0]–[3,0], [1,1] and [2,1] are both 1 away: [1,1] is kept; [2,1] is then 0.447 from [1,1]–[3,0]
    // (projection t = 0.4 → (1.8, 0.6)), under 0.5, so dropped.
    expect(coords(simplifyGeometry(line([[0, 0], [1, 1], [2, 1], [3, 0]]), 0.5))).toEqual([[0, 0], [1, 1], [3, 0]]);
  });

  it('recurses on both sides of a kept point', () => {
    // [2,4] is farthest from [0,0]–[4,0]; then [1,1] is looked at against [0,0]–[2,4] and [3,1] against [2,4]–[4,0]:
    // t = (1·2 + 1·4) / 20 = 0.3 → (0.6, 1.2), distance √(0.16 + 0.04) ≈ 0.447; the same for [3,1] by symmetry.
    const g = line([[0, 0], [1, 1], [2, 4], [3, 1], [4, 0]]);
    expect(coords(simplifyGeometry(g, 0.4))).toEqual([[0, 0], [1, 1], [2, 4], [3, 1], [4, 0]]);
    expect(coords(simplifyGeometry(g, 0.5))).toEqual([[0, 0], [2, 4], [4, 0]]);
  });

  it('leaves a line of two points as it is', () => {
    expect(coords(simplifyGeometry(line([[0, 0], [1, 1]]), 10))).toEqual([[0, 0], [1, 1]]);
  });

  it('simplifies every line of a MultiLineString and keeps other members of the geometry', () => {
    const g = { type: 'MultiLineString', coordinates: [[[0, 0], [1, 0.001], [2, 0]], [[5, 5], [6, 6]]], bbox: [0, 0, 6, 6] } as unknown as Geometry;
    expect(simplifyGeometry(g, 0.01)).toEqual({ type: 'MultiLineString', coordinates: [[[0, 0], [2, 0]], [[5, 5], [6, 6]]], bbox: [0, 0, 6, 6] });
  });

  it('simplifies a closed ring (first point = last: distances measured from that point)', () => {
    // The bump [1, 0.0001] goes; [2,2] is farthest from [0,0] and splits the ring, then [2,0] and [0,2] are √2 from the diagonal.
    const g = { type: 'Polygon', coordinates: [[[0, 0], [1, 0.0001], [2, 0], [2, 2], [0, 2], [0, 0]]] } as Geometry;
    expect(coords(simplifyGeometry(g, 0.01))).toEqual([[[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]]]);
  });

  it('keeps a ring of exactly four points after simplification (a triangle)', () => {
    // [1,2] is farthest from [0,0] (√5); then [2,0] is √3.2 ≈ 1.79 from [0,0]–[1,2]; the bump [1,0.0001] is 0.0001 from [0,0]–[2,0].
    const g = { type: 'Polygon', coordinates: [[[0, 0], [1, 0.0001], [2, 0], [1, 2], [0, 0]]] } as Geometry;
    expect(coords(simplifyGeometry(g, 0.01))).toEqual([[[0, 0], [2, 0], [1, 2], [0, 0]]]);
  });

  it('leaves a ring as it was rather than collapse it under four points', () => {
    // Only [2,0] stands out: [0,0], [2,0], [0,0] would not be a ring.
    const ring = [[0, 0], [1, 0.001], [2, 0], [1, -0.001], [0, 0]];
    const g = { type: 'Polygon', coordinates: [ring] } as Geometry;
    expect(coords(simplifyGeometry(g, 0.1))).toEqual([ring]);
  });

  it('leaves a ring of four points alone whatever the tolerance', () => {
    const ring = [[0, 0], [1, 0.001], [2, 0], [0, 0]];
    expect(coords(simplifyGeometry({ type: 'Polygon', coordinates: [ring] } as Geometry, 10))).toEqual([ring]);
  });

  it('simplifies every ring of every polygon of a MultiPolygon', () => {
    const bumpy = [[0, 0], [1, 0.0001], [2, 0], [2, 2], [0, 2], [0, 0]];
    const g = { type: 'MultiPolygon', coordinates: [[bumpy], [bumpy, bumpy]] } as Geometry;
    const square = [[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]];
    expect(simplifyGeometry(g, 0.01)).toEqual({ type: 'MultiPolygon', coordinates: [[square], [square, square]] });
  });

  it('answers points and other geometries unchanged', () => {
    const point = { type: 'Point', coordinates: [1, 2] } as Geometry;
    expect(simplifyGeometry(point, 10)).toBe(point);
    const multi = { type: 'MultiPoint', coordinates: [[0, 0], [0, 0.0001], [0, 1]] } as Geometry;
    expect(simplifyGeometry(multi, 10)).toBe(multi);
  });
});
