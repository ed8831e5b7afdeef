import type { FieldDef } from '../model/descriptor';
import { isShapeText, type FieldValue } from '../model/values';
import type { RecordTexts } from './storedRecord';

/**
 * The fields of a record as its document keeps them: each geo_shape as its JSON text (ShapeText),
 * the other values as published. Elasticsearch never indexes `fields`; the text spares every
 * export of the shape a parse of its coordinates and a second writing of them. A shape's text is
 * taken from `texts` when the record has them (a publish wrote each shape once).
 */
export function fieldsToStore(schema: readonly FieldDef[], fields: Record<string, FieldValue>, texts?: RecordTexts): Record<string, FieldValue> {
  let stored = fields;
  for (const f of schema) {
    if (f.type !== 'geo_shape' || fields[f.name] === undefined) continue;
    // A copy, so that the record itself keeps its geometry; the shape keeps its place among the fields.
    if (stored === fields) stored = { ...fields };
    stored[f.name] = { geojson: texts?.shapes[f.name] ?? JSON.stringify(fields[f.name]) };
  }
  return stored;
}

/**
 * A shape's JSON.stringify text, and that text as a JSON string. A geometry of `type` and
 * `coordinates` alone is written from the text of its coordinates, kept in `written` for whoever
 * needs them again (the record's id); numbers and brackets need no escaping, so the string is
 * written without reading the coordinates again.
 */
function shapeText(shape: FieldValue, written: Map<unknown, string> | undefined): { text: string; quoted: string } {
  const g = shape as { type?: unknown; coordinates?: unknown };
  const keys = Object.keys(g);
  if (!written || keys.length !== 2 || keys[0] !== 'type' || keys[1] !== 'coordinates' || typeof g.type !== 'string' || !Array.isArray(g.coordinates)) {
    const text = JSON.stringify(shape);
    return { text, quoted: JSON.stringify(text) };
  }
  const coordinates = JSON.stringify(g.coordinates);
  written.set(g.coordinates, coordinates);
  const head = `{"type":${JSON.stringify(g.type)},"coordinates":`;
  return { text: `${head}${coordinates}}`, quoted: `${JSON.stringify(head).slice(0, -1)}${coordinates}}"` };
}

/**
 * The texts of a record's fields: each geo_shape written once, the fields' JSON made of them
 * (what JSON.stringify would write, key for key), and the JSON of the fields as the document
 * keeps them (fieldsToStore's). The coordinates written on the way are put in `written`, when given.
 */
export function recordTexts(schema: readonly FieldDef[], fields: Record<string, FieldValue>, written?: Map<unknown, string>): RecordTexts {
  // Without a prototype: a field named `constructor` is looked up among the shapes alone.
  const shapes = Object.create(null) as Record<string, string>;
  const quoted = new Map<string, string>();
  for (const f of schema) {
    const value = fields[f.name];
    if (f.type !== 'geo_shape' || value === undefined) continue;
    const shape = shapeText(value, written);
    shapes[f.name] = shape.text;
    quoted.set(f.name, shape.quoted);
  }
  if (quoted.size === 0) {
    const text = JSON.stringify(fields);
    return { fields: text, shapes, stored: text };
  }
  const members: string[] = [];
  const storedMembers: string[] = [];
  for (const key in fields) {
    const value = fields[key];
    if (value === undefined) continue;
    const name = JSON.stringify(key);
    const shape = quoted.get(key);
    members.push(`${name}:${shape === undefined ? JSON.stringify(value) : shapes[key]}`);
    storedMembers.push(shape === undefined ? members[members.length - 1] : `${name}:{"geojson":${shape}}`);
  }
  return { fields: `{${members.join(',')}}`, shapes, stored: `{${storedMembers.join(',')}}` };
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
