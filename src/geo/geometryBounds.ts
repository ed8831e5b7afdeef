import type { GeoJsonGeometry, Position } from './geoJsonGeometry';

/** An envelope: [minX, minY, maxX, maxY]. */
export type Bounds = [number, number, number, number];

/** Every position of a geometry, in order, collections included. */
export function* geometryPositions(g: GeoJsonGeometry): Generator<Position> {
  switch (g.type) {
    case 'Point': yield g.coordinates; return;
    case 'MultiPoint': case 'LineString': yield* g.coordinates; return;
    case 'MultiLineString': case 'Polygon': for (const r of g.coordinates) yield* r; return;
    case 'MultiPolygon': for (const p of g.coordinates) for (const r of p) yield* r; return;
    case 'GeometryCollection': for (const m of g.geometries) yield* geometryPositions(m); return;
  }
}

/** The envelope of a geometry; null when it has no position. */
export function geometryBounds(g: GeoJsonGeometry): Bounds | null {
  let b: Bounds | null = null;
  for (const p of geometryPositions(g)) b = extendBounds(b, [p[0], p[1], p[0], p[1]]);
  return b;
}

/** The envelope holding both (either may be null). */
export function extendBounds(a: Bounds | null, b: Bounds | null): Bounds | null {
  if (!a) return b;
  if (!b) return a;
  return [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])];
}
