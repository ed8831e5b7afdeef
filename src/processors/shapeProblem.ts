import type { Geometry, Position } from '../model/values';

const isPosition = (p: Position): boolean =>
  Array.isArray(p) && p.length >= 2 && p.every(Number.isFinite) && Math.abs(p[0]) <= 180 && Math.abs(p[1]) <= 90;
const isLine = (line: Position[], min: number): boolean => Array.isArray(line) && line.length >= min && line.every(isPosition);
const isRing = (ring: Position[]): boolean =>
  isLine(ring, 4) && ring[0][0] === ring[ring.length - 1][0] && ring[0][1] === ring[ring.length - 1][1];
const isPolygon = (rings: Position[][]): boolean => Array.isArray(rings) && rings.length > 0 && rings.every(isRing);

function wellFormed(g: Geometry): boolean {
  switch (g.type) {
    case 'Point': return isPosition(g.coordinates);
    case 'MultiPoint': return isLine(g.coordinates, 1);
    case 'LineString': return isLine(g.coordinates, 2);
    case 'MultiLineString': return g.coordinates.length > 0 && g.coordinates.every((l) => isLine(l, 2));
    case 'Polygon': return isPolygon(g.coordinates);
    case 'MultiPolygon': return g.coordinates.length > 0 && g.coordinates.every(isPolygon);
    case 'GeometryCollection': return g.geometries.length > 0 && g.geometries.every(wellFormed);
  }
}

/** The lines and rings of a shape, to look at its edges. */
function linesOf(g: Geometry): Position[][] {
  switch (g.type) {
    case 'Point': case 'MultiPoint': return [];
    case 'LineString': return [g.coordinates];
    case 'MultiLineString': case 'Polygon': return g.coordinates;
    case 'MultiPolygon': return g.coordinates.flat();
    case 'GeometryCollection': return g.geometries.flatMap(linesOf);
  }
}

/** An edge longer than half the globe east–west: turf wrapped it at ±180°, and it now goes round the other way. */
const wraps = (line: Position[]): boolean => line.some((p, i) => i > 0 && Math.abs(p[0] - line[i - 1][0]) > 180);

/**
 * Why a shape a rule made (a buffer, a simplified shape) cannot be stored, or undefined. It must
 * pass what ingest asks of a geo_shape read from a file (positions in range, lines of two
 * positions, closed rings of four), which Elasticsearch needs too; and turf draws a buffer that
 * crosses the antimeridian with wrapped longitudes, a ring that would go round the globe.
 */
export function shapeProblem(g: Geometry): string | undefined {
  if (!wellFormed(g)) return `the resulting ${g.type} is not a valid shape (a position out of range, or a ring or line too short)`;
  if (linesOf(g).some(wraps)) return `the resulting ${g.type} crosses the antimeridian (180°), which is not supported`;
  return undefined;
}
