import type { Descriptor, FieldDef, SourceFormat } from '../model/descriptor';
import { closestMatch } from '../text/closest';
import { sourceColumns } from './rawValue';

/** A field of the schema whose column was not found in the file. */
export interface MissingColumn {
  field: FieldDef;
  column: string;
}

/** The fields whose column is not among `columns`. */
export function missingColumns(schema: readonly FieldDef[], columns: ReadonlySet<string>): MissingColumn[] {
  return schema.flatMap((field) => sourceColumns(field.source).filter((c) => !columns.has(c)).map((column) => ({ field, column })));
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

/**
 * What to check the columns of a file against: in a CSV every field's column (the header has
 * them all); in JSON, NDJSON and GeoJSON only the columns the descriptor names in a `source`
 * (a field found by its name or label may be absent from JSON items).
 */
export function columnsSeenFor(descriptor: Descriptor, schema: readonly FieldDef[], format: SourceFormat): ColumnsSeen {
  const explicit = new Set(descriptor.fields.filter((f) => f.source).map((f) => f.name));
  return new ColumnsSeen(format === 'csv' ? schema : schema.filter((f) => explicit.has(f.name)));
}
