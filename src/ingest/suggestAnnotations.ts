import type { Annotation, FieldDef } from '../model/descriptor';
import { isBlank } from './coerce/result';
import { latLonPair } from './latLonPair';
import type { RawRow } from './rawRow';
import { rawValue } from './rawValue';

/** At most this many distinct values for a text or int field to be proposed as a facet. */
export const FACET_MAX_DISTINCT = 50;

/** How many non-blank values a field has in the sample, and how many of them differ. */
export interface ValueCounts { nonBlank: number; distinct: number }

/** The values of each field in the sample, counted (text trimmed; other values by their JSON). */
export function valueCounts(schema: readonly FieldDef[], sample: readonly RawRow[]): Map<string, ValueCounts> {
  return new Map(schema.map((field) => {
    const values = sample.map((r) => rawValue(field.source, r)).filter((v) => !isBlank(v));
    const distinct = new Set(values.map((v) => (typeof v === 'string' ? v.trim() : JSON.stringify(v)))).size;
    return [field.name, { nonBlank: values.length, distinct }];
  }));
}

/**
 * Few distinct values: at most FACET_MAX_DISTINCT, and each value on two sampled rows or more on
 * average (distinct ≤ half the non-blank values). A column of names or ids, where most values
 * are new, is no facet; a category, a district, a year is.
 */
export const hasFewValues = (c: ValueCounts): boolean => c.distinct > 0 && c.distinct <= FACET_MAX_DISTINCT && c.distinct * 2 <= c.nonBlank;

/** The annotations proposed for one field from its type and its sampled values. */
function proposed(field: FieldDef, counts: ValueCounts): Annotation['name'][] {
  switch (field.type) {
    case 'text': return hasFewValues(counts) ? ['facet'] : [];
    case 'int': return hasFewValues(counts) ? ['facet', 'sortable'] : ['sortable'];
    case 'double': return ['sortable'];
    // A date facet is year → month → day whatever the number of values (src/facets/dateFacet.ts).
    case 'date': case 'datetime': return ['facet', 'sortable'];
    case 'geo_point_2d': case 'geo_shape': case 'file': return [];
  }
}

/** A field name not yet in the schema: `base`, else `base_2`, `base_3`… */
function freeName(schema: readonly FieldDef[], base: string): string {
  const taken = new Set(schema.map((f) => f.name));
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base}_${n}`;
  return name;
}

/**
 * A proposed schema for a file described by nothing but its columns: each field gets the
 * annotations its type and its sampled values suggest (`facet` for text and int fields with few
 * distinct values and for every date or datetime, `sortable` for numbers and dates), keeping any
 * it has. When no field holds a geometry and two numeric columns are a latitude and a longitude in
 * degrees, a `geo_point_2d` field made of them is added (a point in one column, `"48.85, 2.35"`,
 * and GeoJSON are typed as geo fields by inferType already). `id` is never proposed.
 */
export function suggestAnnotations(schema: readonly FieldDef[], sample: readonly RawRow[]): FieldDef[] {
  const counts = valueCounts(schema, sample);
  const annotated = schema.map((field) => {
    const have = new Set(field.annotations.map((a) => a.name));
    const added = proposed(field, counts.get(field.name)!).filter((name) => !have.has(name)).map((name): Annotation => ({ name }));
    return { ...field, annotations: [...field.annotations, ...added] };
  });
  if (schema.some((f) => f.type === 'geo_point_2d' || f.type === 'geo_shape')) return annotated;
  const pair = latLonPair(schema, sample);
  if (!pair) return annotated;
  const point: FieldDef = { name: freeName(schema, 'geo_point_2d'), label: `${pair[0]}, ${pair[1]}`, type: 'geo_point_2d', annotations: [], source: { latLon: pair } };
  return [...annotated, point];
}
