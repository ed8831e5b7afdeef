import type { FieldType } from './descriptor';

/**
 * A field the query language may address, and where its data lives in the index:
 * `value` is the typed value (keyword, long, double, date, geo_point) used for equality, ranges,
 * exact and prefix matches; `words` is the folded text searched word by word; `exists` is what
 * `#null` tests. A field without `value` cannot be compared or matched exactly; one without
 * `words` is matched on its whole value.
 */
export interface QueryField {
  name: string;
  type: FieldType;
  value?: string;
  words?: string;
  exists: string;
}

/** Every addressable field of one search target (a dataset's records, or the catalog). */
export interface QuerySchema {
  fields: ReadonlyMap<string, QueryField>;
  /** The folded text of every text field together: what a bare word searches. */
  allText: string;
}

export const isTemporal = (t: FieldType): t is 'date' | 'datetime' => t === 'date' || t === 'datetime';
export const isNumeric = (t: FieldType): t is 'int' | 'double' => t === 'int' || t === 'double';
export const isGeo = (t: FieldType): t is 'geo_point_2d' | 'geo_shape' => t === 'geo_point_2d' || t === 'geo_shape';
