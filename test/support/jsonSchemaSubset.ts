/**
 * A small JSON Schema (2020-12) evaluator for the keywords a capability's config uses, written for
 * the tests from the specification: type, properties, required, additionalProperties (false),
 * pattern, exclusiveMinimum, maximum, anyOf, and the annotations (description, examples,
 * $schema). Any other keyword throws, so that a schema using one is noticed rather than passed.
 */
type Schema = Record<string, unknown>;

const ANNOTATIONS = new Set(['$schema', 'description', 'examples']);
const TYPES: Record<string, (v: unknown) => boolean> = {
  object: (v) => typeof v === 'object' && v !== null && !Array.isArray(v),
  string: (v) => typeof v === 'string',
  number: (v) => typeof v === 'number' && Number.isFinite(v),
  boolean: (v) => typeof v === 'boolean',
};

export function jsonSchemaAccepts(schema: Schema, value: unknown): boolean {
  for (const [keyword, arg] of Object.entries(schema)) {
    if (ANNOTATIONS.has(keyword)) continue;
    switch (keyword) {
      case 'type':
        if (!TYPES[arg as string]) throw new Error(`type ${String(arg)} is not a JSON Schema type this evaluator knows`);
        if (!TYPES[arg as string](value)) return false;
        break;
      case 'properties':
        if (TYPES.object(value)) {
          for (const [key, sub] of Object.entries(arg as Record<string, Schema>)) {
            const v = (value as Record<string, unknown>)[key];
            if (v !== undefined && !jsonSchemaAccepts(sub, v)) return false;
          }
        }
        break;
      case 'required':
        if (TYPES.object(value) && !(arg as string[]).every((k) => k in (value as object))) return false;
        break;
      case 'additionalProperties': {
        if (arg !== false) throw new Error('additionalProperties other than false');
        const known = Object.keys((schema.properties ?? {}) as object);
        if (TYPES.object(value) && Object.keys(value as object).some((k) => !known.includes(k))) return false;
        break;
      }
      case 'pattern':
        if (typeof value === 'string' && !new RegExp(arg as string, 'u').test(value)) return false;
        break;
      case 'exclusiveMinimum':
        if (typeof value === 'number' && !(value > (arg as number))) return false;
        break;
      case 'maximum':
        if (typeof value === 'number' && !(value <= (arg as number))) return false;
        break;
      case 'anyOf':
        if (!(arg as Schema[]).some((s) => jsonSchemaAccepts(s, value))) return false;
        break;
      default:
        throw new Error(`keyword ${keyword} is not one this evaluator knows`);
    }
  }
  return true;
}
