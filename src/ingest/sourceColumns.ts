import type { FieldDef } from '../model/descriptor';
import { closestMatch } from '../text/closest';

/** A field of the schema whose column was not found in the file. */
export interface MissingColumn {
  field: FieldDef;
  column: string;
}

/** The fields whose column is not among `columns`. */
export function missingColumns(schema: readonly FieldDef[], columns: ReadonlySet<string>): MissingColumn[] {
  return schema.flatMap((field) => ('column' in field.source && !columns.has(field.source.column) ? [{ field, column: field.source.column }] : []));
}

/**
 * Tracks which of the schema's columns the rows of a file have (JSON and GeoJSON rows need not
 * all have the same properties): what is still missing after the last row was never in the file.
 */
export class ColumnsSeen {
  private readonly seen = new Set<string>();
  private pending: MissingColumn[];

  constructor(schema: readonly FieldDef[]) {
    this.pending = missingColumns(schema, this.seen);
  }

  /** Notes the columns of one row. */
  add(values: Record<string, unknown>): void {
    if (this.pending.length === 0) return;
    for (const key of Object.keys(values)) this.seen.add(key);
    this.pending = this.pending.filter((m) => !this.seen.has(m.column));
  }

  /** The columns no row had so far. */
  missing(): MissingColumn[] {
    return this.pending;
  }

  /** Every column some row had, in the order first met. */
  columns(): string[] {
    return [...this.seen];
  }
}

/**
 * The error text for columns a descriptor names that the file does not have: each with the field
 * it feeds, and the closest column name (case and accents ignored); then every column of the file.
 */
export function missingColumnsMessage(datasetId: string, missing: readonly MissingColumn[], columns: readonly string[]): string {
  const lines = missing.map(({ field, column }) => {
    const hint = closestMatch(column, columns);
    return `field ${field.name}: no column "${column}" in the file${hint ? ` (closest: "${hint}")` : ''}`;
  });
  const available = columns.length > 0 ? columns.map((c) => `"${c}"`).join(', ') : '(none: the file has no rows)';
  return `${datasetId}: ${lines.join('; ')}. The file's columns: ${available}`;
}
