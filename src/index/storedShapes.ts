import type { FieldDef } from '../model/descriptor';
import { isShapeText, type FieldValue } from '../model/values';

/**
 * The fields of a record as its document keeps them: each geo_shape as its JSON text (ShapeText),
 * the other values as published. Elasticsearch never indexes `fields`; the text spares every
 * export of the shape a parse of its coordinates and a second writing of them.
 */
export function fieldsToStore(schema: readonly FieldDef[], fields: Record<string, FieldValue>): Record<string, FieldValue> {
  let stored = fields;
  for (const f of schema) {
    if (f.type !== 'geo_shape' || fields[f.name] === undefined) continue;
    // A copy, so that the record itself keeps its geometry; the shape keeps its place among the fields.
    if (stored === fields) stored = { ...fields };
    stored[f.name] = { geojson: JSON.stringify(fields[f.name]) };
  }
  return stored;
}

/**
 * The fields of a stored document as published: each shape kept as its text parsed back into its
 * geometry (in place: `fields` is a document just read). A document written before shapes were
 * kept as text holds the geometry itself, and is returned as it is.
 */
export function publishedFields(fields: Record<string, FieldValue>): Record<string, FieldValue> {
  for (const key in fields) {
    const value = fields[key];
    if (isShapeText(value)) fields[key] = JSON.parse(value.geojson) as FieldValue;
  }
  return fields;
}
