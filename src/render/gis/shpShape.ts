import type { GeoJsonGeometry, Position } from '../../geo/geoJsonGeometry';
import { geometryBounds, type Bounds } from '../../geo/geometryBounds';

/** The Shapefile types written: one file set per type a dataset's geometries take. */
export type ShapeKind = 'point' | 'multipoint' | 'line' | 'polygon';

/** Shape type codes (ESRI Shapefile Technical Description, 1998). */
export const SHAPE_TYPES: Record<ShapeKind, number> = { point: 1, line: 3, polygon: 5, multipoint: 8 };

/** The file set a geometry goes to; null for a geometry a Shapefile cannot hold (a GeometryCollection), written as a null shape. */
export function shapeKind(g: GeoJsonGeometry): ShapeKind | null {
  switch (g.type) {
    case 'Point': return 'point';
    case 'MultiPoint': return 'multipoint';
    case 'LineString': case 'MultiLineString': return 'line';
    case 'Polygon': case 'MultiPolygon': return 'polygon';
    case 'GeometryCollection': return null;
  }
}

/** Twice the signed area of a ring: positive when it turns counter-clockwise. */
const signedArea = (ring: readonly Position[]): number => {
  let s = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) s += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
  return s;
};

/** A polygon's rings as a Shapefile wants them: the outer ring clockwise, holes counter-clockwise. */
const shapefileRings = (polygon: readonly Position[][]): Position[][] =>
  polygon.map((ring, i) => ((i === 0 ? signedArea(ring) > 0 : signedArea(ring) < 0) ? [...ring].reverse() : ring));

/** The parts (lines or rings) of a line or polygon geometry. */
function partsOf(g: GeoJsonGeometry): Position[][] {
  switch (g.type) {
    case 'LineString': return [g.coordinates];
    case 'MultiLineString': return g.coordinates;
    case 'Polygon': return shapefileRings(g.coordinates);
    case 'MultiPolygon': return g.coordinates.flatMap(shapefileRings);
    default: return [];
  }
}

/** A null shape's content: its type, 0. */
export const NULL_SHAPE = Buffer.from([0, 0, 0, 0]);

/**
 * The content of one shape record (without its 8-byte record header), and its envelope: a
 * point; a multipoint with its box; a polyline or polygon with its box, part starts and points;
 * a geometry without a position, which has no box, a null shape.
 */
export function shapeContent(g: GeoJsonGeometry, kind: ShapeKind): { content: Buffer; bounds: Bounds | null } {
  const bounds = geometryBounds(g);
  if (bounds === null) return { content: NULL_SHAPE, bounds };
  if (kind === 'point') {
    const p = (g as { coordinates: Position }).coordinates;
    const b = Buffer.alloc(20);
    b.writeInt32LE(1, 0); b.writeDoubleLE(p[0], 4); b.writeDoubleLE(p[1], 12);
    return { content: b, bounds };
  }
  const box = (b: Buffer): void => { bounds.forEach((v, i) => b.writeDoubleLE(v, 4 + 8 * i)); };
  if (kind === 'multipoint') {
    const ps = (g as { coordinates: Position[] }).coordinates;
    const b = Buffer.alloc(40 + 16 * ps.length);
    b.writeInt32LE(8, 0); box(b); b.writeInt32LE(ps.length, 36);
    ps.forEach((p, i) => { b.writeDoubleLE(p[0], 40 + 16 * i); b.writeDoubleLE(p[1], 48 + 16 * i); });
    return { content: b, bounds };
  }
  const parts = partsOf(g);
  const points = parts.reduce((n, p) => n + p.length, 0);
  const b = Buffer.alloc(44 + 4 * parts.length + 16 * points);
  b.writeInt32LE(SHAPE_TYPES[kind], 0); box(b); b.writeInt32LE(parts.length, 36); b.writeInt32LE(points, 40);
  let at = 44 + 4 * parts.length;
  let start = 0;
  parts.forEach((part, i) => {
    b.writeInt32LE(start, 44 + 4 * i);
    start += part.length;
    for (const p of part) { b.writeDoubleLE(p[0], at); b.writeDoubleLE(p[1], at + 8); at += 16; }
  });
  return { content: b, bounds };
}
