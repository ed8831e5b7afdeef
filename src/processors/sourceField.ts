import type { FieldDef, FieldType } from '../model/descriptor';
import { parsed, Parsed, refused } from '../errors/parsed';

/**
 * The geo field a rule reads: the one its config names, or else the first field of the schema
 * (so far) of a type the capability accepts. The messages name the field, its type and the
 * accepted ones.
 */
export function sourceField(schema: readonly FieldDef[], named: string | undefined, accepted: readonly FieldType[]): Parsed<FieldDef> {
  const types = accepted.join(' or ');
  if (named === undefined) {
    const first = schema.find((f) => accepted.includes(f.type));
    return first ? parsed(first) : refused(`config.field: the dataset has no ${types} field to read`);
  }
  const field = schema.find((f) => f.name === named);
  if (!field) return refused(`config.field: no field "${named}" in the dataset`);
  if (!accepted.includes(field.type)) return refused(`config.field: "${named}" is a ${field.type} field, expected ${types}`);
  return parsed(field);
}
