import { parsed, Parsed, refused } from '../errors/parsed';
import { checkLatLon, parseCoordinate } from './latLon';

/** Most vertices a polygon filter may have: bounds the O(n²) self-intersection check and the query size. */
export const MAX_POLYGON_VERTICES = 1000;

type Point = [number, number];

const POINT = /^\s*\(([^()]*)\)\s*$/;

function orientation(p: Point, q: Point, r: Point): number {
  const v = (q[1] - p[1]) * (r[0] - q[0]) - (q[0] - p[0]) * (r[1] - q[1]);
  return v === 0 ? 0 : v > 0 ? 1 : -1;
}

const onSegment = (p: Point, q: Point, r: Point): boolean =>
  Math.min(p[0], r[0]) <= q[0] && q[0] <= Math.max(p[0], r[0]) && Math.min(p[1], r[1]) <= q[1] && q[1] <= Math.max(p[1], r[1]);

function segmentsCross(a: Point, b: Point, c: Point, d: Point): boolean {
  const o1 = orientation(a, b, c), o2 = orientation(a, b, d), o3 = orientation(c, d, a), o4 = orientation(c, d, b);
  if (o1 !== o2 && o3 !== o4) return true;
  return (o1 === 0 && onSegment(a, c, b)) || (o2 === 0 && onSegment(a, d, b)) || (o3 === 0 && onSegment(c, a, d)) || (o4 === 0 && onSegment(c, b, d));
}

function twiceArea(ring: Point[]): number {
  let sum = 0;
  for (let i = 0; i < ring.length - 1; i++) sum += ring[i][1] * ring[i + 1][0] - ring[i + 1][1] * ring[i][0];
  return sum;
}

/** First pair of non-adjacent edges of the closed ring that touch or cross, if any. */
function selfIntersection(ring: Point[]): [number, number] | undefined {
  const n = ring.length - 1;
  for (let i = 0; i < n; i++) {
    for (let j = i + 2; j < n; j++) {
      if (i === 0 && j === n - 1) continue;
      if (segmentsCross(ring[i], ring[i + 1], ring[j], ring[j + 1])) return [i + 1, j + 1];
    }
  }
  return undefined;
}

/**
 * "(lat,lon),(lat,lon),..." → a closed ring of [lat, lon]. Refused: malformed points, coordinates
 * out of range, fewer than three distinct vertices, more than MAX_POLYGON_VERTICES, edges that
 * cross. The ring is closed here when the caller did not repeat the first point (ODS does not).
 */
export function parsePolygonRing(text: string): Parsed<Point[]> {
  const chunks = text.split(/\)\s*,/).map((c, i, all) => (i < all.length - 1 ? `${c})` : c));
  if (chunks.length > MAX_POLYGON_VERTICES + 1) return refused(`a polygon has at most ${MAX_POLYGON_VERTICES} vertices`);
  const ring: Point[] = [];
  for (const chunk of chunks) {
    const m = POINT.exec(chunk);
    const parts = m ? m[1].split(',') : [];
    const [lat, lon] = parts.map(parseCoordinate);
    if (parts.length !== 2 || lat === undefined || lon === undefined) {
      return refused(`expected "(latitude,longitude),(latitude,longitude),...", got "${chunk.trim().slice(0, 40)}"`);
    }
    const problem = checkLatLon(lat, lon);
    if (problem) return refused(problem);
    ring.push([lat, lon]);
  }
  const first = ring[0], last = ring[ring.length - 1];
  if (first[0] !== last[0] || first[1] !== last[1]) ring.push(first);
  if (ring.length - 1 > MAX_POLYGON_VERTICES) return refused(`a polygon has at most ${MAX_POLYGON_VERTICES} vertices`);
  const distinct = new Set(ring.map(([a, b]) => `${a},${b}`));
  if (distinct.size < 3) return refused('a polygon needs at least three distinct points');
  const crossing = selfIntersection(ring);
  if (crossing) return refused(`the polygon's edges ${crossing[0]} and ${crossing[1]} cross each other`);
  if (twiceArea(ring) === 0) return refused('the polygon has no area (its points are on one line)');
  return parsed(ring);
}
