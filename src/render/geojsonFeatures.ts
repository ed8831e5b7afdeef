import type { FieldDef } from '../model/descriptor';
import type { FieldValue } from '../model/values';
import type { OdsRecord } from './recordObject';

export interface Feature { type: 'Feature'; geometry: unknown; properties: Record<string, FieldValue> }

/**
 * Records as GeoJSON features (reference/ods-v1.md §5.3): the geometry is the record's shape when
 * the dataset has a geo_shape field, else its point; the properties are the other fields.
 */
export function geojsonFeatures(schema: readonly FieldDef[], records: readonly OdsRecord[]): Feature[] {
  const shape = schema.find((f) => f.type === 'geo_shape')?.name;
  return records.map((r) => {
    const geometry = shape ? r.fields[shape] : undefined;
    const properties = shape ? fieldsWithout(r.fields, shape) : r.fields;
    return { type: 'Feature', geometry: geometry || r.geometry || null, properties };
  });
}

/** A copy of the fields without one of them, in their order. (A computed-key rest destructuring
 * did the same, but Stryker's instrumentation of it breaks the module.) */
function fieldsWithout(fields: Record<string, FieldValue>, name: string): Record<string, FieldValue> {
  const out: Record<string, FieldValue> = {};
  for (const key of Object.keys(fields)) if (key !== name) out[key] = fields[key];
  return out;
}
