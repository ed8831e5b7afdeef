import type { FieldValue, PointGeometry } from '../model/values';

/**
 * The JSON texts of a record's fields, written once by a publish: PostgreSQL, the size of a bulk
 * request and the document take them as they are instead of writing a polygon's coordinates again each.
 */
export interface RecordTexts {
  /** JSON.stringify(fields). */
  fields: string;
  /** JSON.stringify of each geo_shape, by field name. */
  shapes: Readonly<Record<string, string>>;
  /** The JSON of the fields as the record's document keeps them (src/index/storedShapes.ts). */
  stored: string;
}

/** A record as PostgreSQL keeps it and indexing reads it back. */
export interface StoredRecord {
  recordid: string;
  fields: Record<string, FieldValue>;
  /** The GeoJSON Point [lon, lat] of the first geo field, as ODS `geometry`. */
  geometry: PointGeometry | null;
  recordTimestamp: string;
  sourceLine: number;
  /** The texts of `fields`, when its writer has them (a publish); a record read back has none. */
  texts?: RecordTexts;
}
