/**
 * One row as a reader yields it, before any typing: column or property values by source name,
 * the feature geometry for GeoJSON, and where it came from (1-based line for CSV and NDJSON,
 * 1-based item number for JSON arrays and GeoJSON features).
 */
export interface RawRow {
  position: number;
  values: Record<string, unknown>;
  geometry?: unknown;
}

/** A reader reports problems that concern a whole row (ragged CSV line, unparsable JSON item). */
export interface RowProblem {
  position: number;
  message: string;
}

export type ReaderItem = { kind: 'row'; row: RawRow } | { kind: 'problem'; problem: RowProblem };

/** How positions are named in warnings. */
export type PositionUnit = 'line' | 'item';
