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

/**
 * An empty set of values for a reader to fill: without a prototype, so that a column named
 * `__proto__` is stored like any other instead of setting the object's prototype.
 */
export const emptyValues = (): Record<string, unknown> => Object.create(null) as Record<string, unknown>;

/**
 * The value of `column` in a row: its own, never one an object inherits (a JSON row without a
 * `constructor` property has no value there, not Object's constructor).
 */
export const columnValue = (row: RawRow, column: string): unknown => (Object.hasOwn(row.values, column) ? row.values[column] : undefined);

/** A reader reports problems that concern a whole row (ragged CSV line, unparsable JSON item). */
export interface RowProblem {
  position: number;
  message: string;
}

export type ReaderItem = { kind: 'row'; row: RawRow } | { kind: 'problem'; problem: RowProblem };

/** How positions are named in warnings. */
export type PositionUnit = 'line' | 'item';
