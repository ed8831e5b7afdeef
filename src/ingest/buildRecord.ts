import type { FieldDef } from '../model/descriptor';
import { coerceField } from './coerce/coerceField';
import { FieldValue } from '../model/values';
import type { Geometry } from '../model/values';
import { centroidOf } from './geometry';
import type { RawRow } from './rawRow';
import { rawValue } from './rawValue';
import { withoutNul } from './withoutNul';

export interface IngestWarning {
  position: number;
  field?: string;
  message: string;
}

export interface BuiltRecord {
  fields: Record<string, FieldValue>;
  position: number;
}

const nulRemoved = (n: number): string => `${n === 1 ? '1 NUL character (U+0000) was' : `${n} NUL characters (U+0000) were`} removed: PostgreSQL cannot store them`;

/**
 * Types one raw row against the schema. A value that does not fit its field is left out of the
 * record and reported as a warning with the row's position and the field name; the record is
 * kept with its other values. A value holding NUL characters is kept without them, with a warning.
 */
export function buildRecord(schema: readonly FieldDef[], row: RawRow, timeZone: string): { record: BuiltRecord; warnings: IngestWarning[] } {
  const fields: Record<string, FieldValue> = {};
  const warnings: IngestWarning[] = [];
  const derived: FieldDef[] = [];
  for (const field of schema) {
    const src = field.source;
    if ('centroidOf' in src) { derived.push(field); continue; }
    if ('derived' in src) continue; // a processing rule fills it, after this (src/processors)
    const result = coerceField(field, rawValue(src, row), timeZone);
    if (result.kind === 'value') {
      const { value, removed } = withoutNul(result.value);
      fields[field.name] = value;
      if (removed > 0) warnings.push({ position: row.position, field: field.name, message: nulRemoved(removed) });
    } else if (result.kind === 'invalid') warnings.push({ position: row.position, field: field.name, message: result.reason });
  }
  for (const field of derived) {
    const shape = fields[(field.source as { centroidOf: string }).centroidOf] as Geometry | undefined;
    if (shape) fields[field.name] = centroidOf(shape);
  }
  return { record: { fields, position: row.position }, warnings };
}
