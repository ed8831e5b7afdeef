import type { Geometry } from '../model/values';

type Pos = number[];

function perpendicular(p: Pos, a: Pos, b: Pos): number {
  const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
  const len = dx * dx + dy * dy;
  if (len === 0) return Math.hypot(p[0] - a[0], p[1] - a[1]);
  const t = Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len));
  return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
}

/** Douglas–Peucker, iterative (no recursion depth to worry about on long lines). */
function simplifyLine(points: Pos[], tolerance: number, minPoints: number): Pos[] {
  if (points.length <= minPoints) return points;
  const keep = new Uint8Array(points.length);
  keep[0] = keep[points.length - 1] = 1;
  const stack: Array<[number, number]> = [[0, points.length - 1]];
  while (stack.length) {
    const [i, j] = stack.pop()!;
    let best = -1, at = -1;
    for (let k = i + 1; k < j; k++) { const d = perpendicular(points[k], points[i], points[j]); if (d > best) { best = d; at = k; } }
    if (best > tolerance) { keep[at] = 1; stack.push([i, at], [at, j]); }
  }
  const out = points.filter((_, k) => keep[k]);
  return out.length >= minPoints ? out : points;
}

const ring = (r: Pos[], t: number): Pos[] => simplifyLine(r, t, 4);

/** A shape with detail below `tolerance` degrees (a pixel at the map's zoom) removed; rings stay closed and valid. */
export function simplifyGeometry(g: Geometry, tolerance: number): Geometry {
  switch (g.type) {
    case 'LineString': return { ...g, coordinates: simplifyLine(g.coordinates as Pos[], tolerance, 2) };
    case 'MultiLineString': return { ...g, coordinates: (g.coordinates as Pos[][]).map((l) => simplifyLine(l, tolerance, 2)) };
    case 'Polygon': return { ...g, coordinates: (g.coordinates as Pos[][]).map((r) => ring(r, tolerance)) };
    case 'MultiPolygon': return { ...g, coordinates: (g.coordinates as Pos[][][]).map((p) => p.map((r) => ring(r, tolerance))) };
    default: return g;
  }
}

/** One pixel of a 256-pixel-tile map at `zoom`, in degrees of longitude. */
export const pixelDegrees = (zoom: number): number => 360 / (256 * 2 ** zoom);
