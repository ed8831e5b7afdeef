import type { FieldDef } from '../model/descriptor';
import type { FieldValue, Geometry, LatLon } from '../model/values';

/** The geo types a rule may read. */
export const GEO_TYPES = ['geo_shape', 'geo_point_2d'] as const;

/**
 * A geo field's typed value as a GeoJSON geometry for turf: a geo_point_2d is `[lat, lon]`
 * (src/model/values.ts) and becomes a Point `[lon, lat]`; a geo_shape already is one.
 */
export function geometryOf(field: FieldDef, value: FieldValue): Geometry {
  if (field.type === 'geo_point_2d') {
    const [lat, lon] = value as LatLon;
    return { type: 'Point', coordinates: [lon, lat] };
  }
  return value as Geometry;
}

/** A GeoJSON Point as the `[lat, lon]` of a geo_point_2d. */
export const latLonOf = ([lon, lat]: number[]): LatLon => [lat, lon];

/** Whether every number is finite: turf answers NaN rather than throwing on degenerate input. */
export const finite = (...values: number[]): boolean => values.every(Number.isFinite);
