import { annotationArg, FieldDef } from '../model/descriptor';
import { AppError } from '../errors/catalogue';
import type { FacetContext, FacetKind, FacetPath } from '../model/facetKind';
import { facetKindOf, isFacetField } from '../facets/facetKindOf';
import { FACET_SORTS, FacetSort } from '../model/recordsRequest';
import type { FacetRequest, FieldFilter } from '../model/searchPlan';
import { anyOf, allOf } from './combine';
import { recordPaths } from '../schema/recordPaths';

/** Most facet groups one request may ask for. */
export const MAX_FACETS = 50;

/** Where a field's typed value is indexed: `v.<f>` in record indices. */
export const recordValuePath = (f: FieldDef): string => recordPaths.value(f.name);

export interface FacetParams {
  facets: string[];
  refine: Map<string, string[]>;
  exclude: Map<string, string[]>;
  disjunctive: Set<string>;
  facetsort: Map<string, FacetSort>;
  facetlimit?: Map<string, number>;
  timeZone: string;
}

function fieldOf(schema: readonly FieldDef[], name: string, parameter: string): FieldDef {
  const field = schema.find((f) => f.name === name);
  if (!field) throw new AppError('bad_parameter', `Unknown field "${name.slice(0, 100)}" in ${parameter.slice(0, 120)}.`, { parameter: parameter.slice(0, 120) });
  return field;
}

function orderOf(sort: FacetSort): FacetContext['order'] {
  switch (sort) {
    case '-count': return [{ _count: 'desc' }, { _key: 'asc' }];
    case 'count': return [{ _count: 'asc' }, { _key: 'asc' }];
    case 'alphanum': case 'num': return [{ _key: 'asc' }];
    case '-alphanum': case '-num': return [{ _key: 'desc' }];
  }
}

function sortOf(field: FieldDef, p: FacetParams): FacetSort {
  const annotated = annotationArg(field, 'facetsort');
  return p.facetsort.get(field.name) ?? (FACET_SORTS.includes(annotated as FacetSort) ? (annotated as FacetSort) : '-count');
}

const NUMERIC = new Set(['int', 'double']);

/**
 * True when a terms level's order in Elasticsearch (`orderOf`) is the order `sortFacetValues` gives,
 * so that its first n buckets are ours. Numbers: ties and `alphanum` are ordered as text by us and
 * as numbers by Elasticsearch; text sorted as numbers (`num`) is ordered as text by Elasticsearch.
 * Date levels are histograms, which have no size: they are only cut after sorting.
 */
function esOrderIsOurs(field: FieldDef, sort: FacetSort): boolean {
  const byNumber = sort === 'num' || sort === '-num';
  if (NUMERIC.has(field.type)) return byNumber;
  return !byNumber && field.type !== 'date' && field.type !== 'datetime';
}

/** The context of a facet's levels; with a `facetlimit`, how many buckets Elasticsearch needs to send. */
function contextOf(field: FieldDef, p: FacetParams, sort: FacetSort, valuePath: (f: FieldDef) => string): FacetContext {
  const limit = p.facetlimit?.get(field.name);
  const ctx: FacetContext = { field, valuePath: valuePath(field), timeZone: p.timeZone, order: orderOf(sort) };
  return limit !== undefined && esOrderIsOurs(field, sort) ? { ...ctx, size: limit } : ctx;
}

function paths(kind: FacetKind, ctx: FacetContext, values: string[], parameter: string): FacetPath[] {
  return values.map((raw) => {
    const p = kind.parsePath(ctx, raw);
    if (!p) throw new AppError('bad_parameter', `Invalid ${parameter}: "${raw.slice(0, 100)}" is not a value of field ${ctx.field.name}.`, { parameter });
    return p;
  });
}


/**
 * `facet`, `refine.<f>`, `exclude.<f>`, `disjunctive.<f>`, `facetsort.<f>`, `facetlimit.<f>` → the filters each
 * field adds and the facet groups to compute (the requested ones, then refined ones not requested).
 * Unknown fields are 400s; a field that is no facet gives an empty group; `disjunctive` on such a
 * field is ignored.
 */
export function planFacets(schema: readonly FieldDef[], p: FacetParams, valuePath: (f: FieldDef) => string = recordValuePath): { filters: FieldFilter[]; facets: FacetRequest[] } {
  const filtered = [...new Set([...p.refine.keys(), ...p.exclude.keys()])];
  const requested = [...new Set(p.facets)];
  if (requested.length > MAX_FACETS) throw new AppError('bad_parameter', `At most ${MAX_FACETS} facets per request.`, { parameter: 'facet' });
  const filters: FieldFilter[] = [];
  const facets = new Map<string, FacetRequest>();
  for (const name of requested) {
    const field = fieldOf(schema, name, 'facet');
    const kind = facetKindOf(field);
    const sort = sortOf(field, p);
    const limit = p.facetlimit?.get(name);
    facets.set(name, kind && isFacetField(field)
      ? { name, kind, ctx: contextOf(field, p, sort, valuePath), refined: [], excluded: [], disjunctive: p.disjunctive.has(name), sort, limit }
      : { name, refined: [], excluded: [], disjunctive: false, sort });
  }
  for (const name of filtered) {
    const parameter = p.refine.has(name) ? `refine.${name}` : `exclude.${name}`;
    const field = fieldOf(schema, name, parameter);
    const kind = facetKindOf(field);
    if (!kind) throw new AppError('bad_parameter', `Field ${name} (${field.type}) cannot be refined; use a geofilter.`, { parameter });
    const sort = sortOf(field, p);
    const ctx = contextOf(field, p, sort, valuePath);
    const refined = paths(kind, ctx, p.refine.get(name) ?? [], `refine.${name}`);
    const excluded = paths(kind, ctx, p.exclude.get(name) ?? [], `exclude.${name}`);
    const disjunctive = p.disjunctive.has(name) && isFacetField(field);
    filters.push({
      field: name,
      disjunctive,
      ...(refined.length ? { refine: (disjunctive ? anyOf : allOf)(refined.map((r) => kind.select(ctx, r))) } : {}),
      ...(excluded.length ? { exclude: { kind: 'not', clause: anyOf(excluded.map((e) => kind.select(ctx, e))) } } : {}),
    });
    const group = facets.get(name);
    if (group?.kind) Object.assign(group, { refined, excluded });
    else if (!group && isFacetField(field)) facets.set(name, { name, kind, ctx, refined, excluded, disjunctive, sort, limit: p.facetlimit?.get(name) });
  }
  return { filters, facets: [...facets.values()] };
}
