/**
 * A GeoJSON geometry (RFC 7946) as the geo/ helpers read and write it. The same shape as the
 * model's `Geometry`, declared here because geo/ stands below model/ (see .dependency-cruiser.cjs).
 */
export type Position = number[];

export type GeoJsonGeometry =
  | { type: 'Point'; coordinates: Position }
  | { type: 'MultiPoint' | 'LineString'; coordinates: Position[] }
  | { type: 'MultiLineString' | 'Polygon'; coordinates: Position[][] }
  | { type: 'MultiPolygon'; coordinates: Position[][][] }
  | { type: 'GeometryCollection'; geometries: GeoJsonGeometry[] };
