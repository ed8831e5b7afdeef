import type { FieldValue, PointGeometry } from '../model/values';

/** A record as PostgreSQL keeps it and indexing reads it back. */
export interface StoredRecord {
  recordid: string;
  fields: Record<string, FieldValue>;
  /** The GeoJSON Point [lon, lat] of the first geo field, as ODS `geometry`. */
  geometry: PointGeometry | null;
  recordTimestamp: string;
  sourceLine: number;
}
