import type { FieldDef } from '../model/descriptor';
import type { FieldValue, Geometry, LatLon, PointGeometry, Position } from '../model/values';

const centroids = new WeakMap<Geometry, LatLon>();

/** Adds each vertex of `shape` to `sum` ([x, y, count]), as turf's centroid counts them: a polygon ring's closing vertex is left out. */
function addVertices(shape: Geometry, sum: Float64Array): void {
  const add = (p: Position): void => { sum[0] += p[0]; sum[1] += p[1]; sum[2]++; };
  const addRing = (ring: Position[]): void => { for (let i = 0; i < ring.length - 1; i++) add(ring[i]); };
  switch (shape.type) {
    case 'Point': add(shape.coordinates); return;
    case 'MultiPoint': case 'LineString': shape.coordinates.forEach(add); return;
    case 'MultiLineString': shape.coordinates.forEach((line) => line.forEach(add)); return;
    case 'Polygon': shape.coordinates.forEach(addRing); return;
    case 'MultiPolygon': shape.coordinates.forEach((polygon) => polygon.forEach(addRing)); return;
    case 'GeometryCollection': shape.geometries.forEach((member) => addVertices(member, sum)); return;
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
    const sum = new Float64Array(3);
    addVertices(shape, sum);
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
