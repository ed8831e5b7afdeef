import type { FieldDef } from '../model/descriptor';
import type { QueryField, QuerySchema } from '../model/querySchema';
import { recordPaths } from './recordPaths';

/** The query fields of a dataset's records, laid out as recordMapping() maps them. */
export function recordQuerySchema(fields: readonly FieldDef[]): QuerySchema {
  const map = new Map<string, QueryField>();
  for (const f of fields) {
    const text = f.type === 'text';
    map.set(f.name, {
      name: f.name,
      type: f.type,
      value: recordPaths.value(f.name),
      words: text ? recordPaths.words(f.name) : undefined,
      // A long text is not kept as a keyword (ignore_above) but always has its words.
      exists: text ? recordPaths.words(f.name) : recordPaths.value(f.name),
    });
  }
  return { fields: map, allText: 'all_text' };
}
