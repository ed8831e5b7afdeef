/** `[lat, lon]`, the ODS representation of a geo_point_2d. */
export type LatLon = [number, number];

export type Position = number[];

export type Geometry =
  | { type: 'Point'; coordinates: Position }
  | { type: 'MultiPoint' | 'LineString'; coordinates: Position[] }
  | { type: 'MultiLineString' | 'Polygon'; coordinates: Position[][] }
  | { type: 'MultiPolygon'; coordinates: Position[][][] }
  | { type: 'GeometryCollection'; geometries: Geometry[] };

export interface FileValue { id?: string; filename: string; mimetype?: string; url?: string }

/** A field value as stored and rendered (ODS record JSON): empty values are never stored. */
export type FieldValue = string | string[] | number | LatLon | Geometry | FileValue;

export type PointGeometry = { type: 'Point'; coordinates: [number, number] };
