import type { FieldDef, FieldType } from '../model/descriptor';

/** A field that a rule adds: its value comes from the rule (`{ derived: rule }`), never from a column. */
export function derivedField(name: string, type: FieldType, rule: string, description: string): FieldDef {
  return { name, label: name, type, description, annotations: [], source: { derived: rule } };
}

/**
 * Why the fields a rule would add cannot be added: a name that is already a field of the schema
 * so far, or given twice by this rule. Technical names are checked by the config schemas.
 */
export function clashes(schema: readonly FieldDef[], added: ReadonlyArray<{ key: string; name: string }>): string[] {
  const taken = new Set(schema.map((f) => f.name));
  const errors: string[] = [];
  for (const { key, name } of added) {
    errors.push(...(taken.has(name) ? [`config.${key}: a field "${name}" already exists`] : []));
    taken.add(name);
  }
  return errors;
}
