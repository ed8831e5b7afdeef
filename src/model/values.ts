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

/**
 * A geo_shape as the records index keeps it: the geometry's JSON text (JSON.stringify's). A
 * reader that shows the shape as JSON splices the text instead of parsing the coordinates and
 * writing them again (most of the time of an export of polygons); every other reader parses it.
 */
export interface ShapeText { geojson: string }

/**
 * True for a shape kept as its text: a `geojson` text and no `type`. Every Geometry has a `type`
 * (and may hold a foreign `geojson` member of its own), and no FileValue has a `geojson` member.
 */
export const isShapeText = (value: unknown): value is ShapeText =>
  typeof value === 'object' && value !== null && typeof (value as { geojson?: unknown }).geojson === 'string' && !('type' in value);

/** A field value as stored and rendered (ODS record JSON): empty values are never stored. */
export type FieldValue = string | string[] | number | LatLon | Geometry | FileValue | ShapeText;

export type PointGeometry = { type: 'Point'; coordinates: [number, number] };
