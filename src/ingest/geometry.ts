import type { FieldDef } from '../model/descriptor';
import type { FieldValue, Geometry, LatLon, PointGeometry, Position } from '../model/values';

const centroids = new WeakMap<Geometry, LatLon>();

/**
 * Calls `visit` with each vertex of a shape, in place: no list of them is built. With `ringsOpen`,
 * a polygon ring's closing vertex (its first one again) is left out, as turf's centroid counts them.
 */
export function eachVertex(shape: Geometry, visit: (p: Position) => void, ringsOpen = false): void {
  const ring = (r: Position[]): void => { for (let i = 0; i < r.length - (ringsOpen ? 1 : 0); i++) visit(r[i]); };
  switch (shape.type) {
    case 'Point': visit(shape.coordinates); return;
    case 'MultiPoint': case 'LineString': shape.coordinates.forEach(visit); return;
    case 'MultiLineString': shape.coordinates.forEach((line) => line.forEach(visit)); return;
    case 'Polygon': shape.coordinates.forEach(ring); return;
    case 'MultiPolygon': shape.coordinates.forEach((polygon) => polygon.forEach(ring)); return;
    case 'GeometryCollection': shape.geometries.forEach((member) => eachVertex(member, visit, ringsOpen)); return;
  }
}

/**
 * The centroid of a shape as turf's centroid makes it (the mean of its vertices, summed in the same
 * order, so the same numbers), as [lat, lon]. The sums are kept in a typed array: turf's, in the
 * variables of a closure, cost a new number object at each vertex. Remembered per shape object, so
 * that a derived geo_point_2d and the record geometry of one record share one computation.
 */
export function centroidOf(shape: Geometry): LatLon {
  let c = centroids.get(shape);
  if (!c) {
    // [x, y, count]
    const sum = new Float64Array(3);
    eachVertex(shape, (p) => { sum[0] += p[0]; sum[1] += p[1]; sum[2]++; }, true);
    if (sum[2] === 0) throw new Error(`a ${shape.type} without positions has no centroid`);
    c = [sum[1] / sum[2], sum[0] / sum[2]];
    centroids.set(shape, c);
  }
  return c;
}

/** ODS record `geometry`: a Point [lon, lat] from the first geo field of the schema that has a value. */
export function recordGeometry(schema: readonly FieldDef[], fields: Record<string, FieldValue>): PointGeometry | null {
  for (const field of schema) {
    const value = fields[field.name];
    if (value === undefined) continue;
    if (field.type === 'geo_point_2d') {
      const [lat, lon] = value as LatLon;
      return { type: 'Point', coordinates: [lon, lat] };
    }
    if (field.type === 'geo_shape') {
      const [lat, lon] = centroidOf(value as Geometry);
      return { type: 'Point', coordinates: [lon, lat] };
    }
  }
  return null;
}
