import fieldTypes from '../../mappings/field-types.json';
import recordsTemplate from '../../mappings/records.json';
import type { FieldDef } from '../model/descriptor';
import { annotationArg } from '../model/descriptor';
import { HIERARCHY_LEVELS, levelKey } from '../schema/hierarchyLevels';
import { keepsNumberKey } from '../schema/numberKeyFields';
import { RECORDS_FORMAT } from './recordsFormat';

type Json = Record<string, unknown>;
interface TypeMapping { v: Json; t?: Json; h?: Json; k?: Json }
const TYPES = fieldTypes as unknown as Record<FieldDef['type'], TypeMapping>;

export interface IndexBody {
  settings: Json;
  mappings: { properties: Record<string, Json & { properties?: Json }> } & Json;
}

/**
 * The index of one dataset: the template of mappings/records.json, with each field's typed
 * value (`v.<f>`), folded text (`t.<f>`, text fields) and hierarchy paths (`h.<f>.l1` … `l8`, one per level, text fields
 * annotated hierarchical) and sortable keys (`k.<f>`, numbers annotated facet) mapped as
 * mappings/field-types.json says for its type, and the format it was built in (`_meta.format`).
 */
export function recordMapping(schema: readonly FieldDef[]): IndexBody {
  const body = structuredClone(recordsTemplate) as unknown as IndexBody;
  body.mappings._meta = { format: RECORDS_FORMAT };
  const props = body.mappings.properties;
  for (const field of schema) {
    const m = TYPES[field.type];
    props.v.properties![field.name] = structuredClone(m.v);
    if (m.t) props.t.properties![field.name] = structuredClone(m.t);
    if (m.k && keepsNumberKey(field)) props.k.properties![field.name] = structuredClone(m.k);
    if (m.h && annotationArg(field, 'hierarchical') !== undefined) {
      const levels = Array.from({ length: HIERARCHY_LEVELS }, (_, i) => [levelKey(i + 1), structuredClone(m.h)]);
      props.h.properties![field.name] = { properties: Object.fromEntries(levels) };
    }
  }
  return body;
}
