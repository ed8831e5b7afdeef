import type { FieldDef, FieldType } from '../../model/descriptor';

/** The JSON Schema of a property's values in a filter (Part 3): CQL2's types, and the geometry formats. */
function valueSchema(type: FieldType): Record<string, unknown> {
  switch (type) {
    case 'text': case 'file': return { type: 'string' };
    case 'int': return { type: 'integer' };
    case 'double': return { type: 'number' };
    case 'date': return { type: 'string', format: 'date' };
    case 'datetime': return { type: 'string', format: 'date-time' };
    case 'geo_point_2d': return { format: 'geometry-point' };
    case 'geo_shape': return { format: 'geometry-any' };
  }
}

/**
 * The queryables of a collection (Part 3, /req/queryables): a JSON Schema of every property a
 * filter may name, with its title and type; geometries by their format (a shape is filtered by
 * its centroid). `queryables` repeats the names in the form of the Part 3 drafts, which GDAL 3.6
 * reads to know what it may push down.
 */
export function ogcQueryables(selfUrl: string, title: string, fields: readonly FieldDef[]): Record<string, unknown> {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: selfUrl,
    type: 'object',
    title,
    properties: Object.fromEntries(fields.map((f) => [f.name, { title: f.label, ...valueSchema(f.type) }])),
    additionalProperties: false,
    queryables: fields.map((f) => ({ id: f.name, title: f.label, ...valueSchema(f.type) })),
  };
}
