import type { Position } from './geoJsonGeometry';

/** Points along each edge of a projected box, so that its outline in WGS 84 follows the curved edges within a few centimetres. */
const EDGE_STEPS = 32;

/**
 * The outline of a box given in a projected CRS (x1 ≤ x2, y1 ≤ y2), densified and transformed to
 * WGS 84 lon/lat by `toLonLat`: a closed ring, counter-clockwise in the projected plane. Its
 * positions may be non-finite when the box lies outside the CRS's area; callers check.
 */
export function boxOutline(x1: number, y1: number, x2: number, y2: number, toLonLat: (p: Position) => Position): Position[] {
  const corners = [[x1, y1], [x2, y1], [x2, y2], [x1, y2], [x1, y1]];
  const ring: Position[] = [];
  for (let i = 0; i < 4; i++) {
    const [a, b] = [corners[i], corners[i + 1]];
    for (let s = 0; s < EDGE_STEPS; s++) {
      const t = s / EDGE_STEPS;
      ring.push(toLonLat([a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t]));
    }
  }
  ring.push(ring[0]);
  return ring;
}
