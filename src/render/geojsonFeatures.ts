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
    const { [shape ?? '']: geometry, ...rest } = r.fields;
    const properties = shape ? rest : r.fields;
    return { type: 'Feature', geometry: (shape && geometry) || r.geometry || null, properties };
  });
}
