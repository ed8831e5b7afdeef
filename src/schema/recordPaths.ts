import { levelKey } from './hierarchyLevels';

/**
 * Where a record field lives in its index (mappings/records.json, laid out by index/recordMapping
 * and filled by index/recordDocument): the only spelling of these paths for readers.
 */
export const recordPaths = {
  /** The typed value: keyword, number, date or geo_point. */
  value: (field: string): string => `v.${field}`,
  /** A facet number's sortable key (src/text/numberKey.ts), a keyword Elasticsearch counts faster than the number. */
  key: (field: string): string => `k.${field}`,
  /** The folded words of a text field. */
  words: (field: string): string => `t.${field}`,
  /** The folded whole text, as a sort key. */
  sort: (field: string): string => `t.${field}.sort`,
  /** One level of a hierarchical text field's paths. */
  level: (field: string, depth: number): string => `h.${field}.${levelKey(depth)}`,
  /** The value as published, in `_source` (returned, never indexed). */
  source: (field: string): string => `fields.${field}`,
} as const;
