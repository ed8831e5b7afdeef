import type { FieldDef } from '../model/descriptor';
import type { FieldValue } from '../model/values';
import { jsonString } from '../text/jsonText';
import { fieldsByName } from './recordObject';
import { valueJson } from './valueJson';
import { valueRenderer } from './valueRenderer';

/**
 * The members of a record's `fields` object exactly as jsonText(recordObject(…).fields) writes
 * them (schema order, empty values left out, values shown by renderValue), written straight from
 * the published values: no object is built and walked again, and a shape kept as its text is
 * spliced. `omit` leaves one field out (the shape that a GeoJSON feature shows as its geometry).
 */
export function fieldsJson(schema: readonly FieldDef[], timeZone: string, omit?: string): (fields: Record<string, FieldValue>) => string {
  const columns = [...fieldsByName(schema).values()].filter((f) => f.name !== omit)
    .map((f) => ({ name: f.name, key: `${JSON.stringify(f.name)}: `, render: valueRenderer(f, timeZone) }));
  return (fields) => {
    let out = '';
    for (const c of columns) {
      const value = fields[c.name];
      if (value === undefined || value === null) continue;
      const shown = c.render(value);
      out += `${out === '' ? '' : ', '}${c.key}${typeof shown === 'string' ? jsonString(shown) : valueJson(shown)}`;
    }
    return out;
  };
}
