import centroid from '@turf/centroid';
import type { FieldDef } from '../model/descriptor';
import type { FieldValue, Geometry, LatLon, PointGeometry } from '../model/values';

const centroids = new WeakMap<Geometry, LatLon>();

/**
 * The centroid of a shape (turf: the mean of its vertices), as [lat, lon]. Remembered per shape
 * object, so that a derived geo_point_2d and the record geometry of one record share one computation.
 */
export function centroidOf(shape: Geometry): LatLon {
  let c = centroids.get(shape);
  if (!c) {
    const [lon, lat] = centroid(shape as Parameters<typeof centroid>[0]).geometry.coordinates;
    c = [lat, lon];
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
