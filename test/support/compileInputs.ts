import type { FieldDef, FieldType } from '../../src/model/descriptor';
import type { FacetContext, FacetKind } from '../../src/model/facetKind';
import type { FacetRequest, SearchPlan } from '../../src/model/searchPlan';

/** A dataset field read from a column of its name. */
export const field = (name: string, type: FieldType): FieldDef => ({ name, label: name, type, annotations: [], source: { column: name } });

/** A records search over index `rec` with nothing asked: every record, first page of 10, in record id order. */
export const searchPlan = (p: Partial<SearchPlan> = {}): SearchPlan => ({
  index: 'rec', datasetId: 'ds', schema: [], query: { kind: 'all' }, filters: [], facets: [],
  sort: [{ path: 'recordid', order: 'asc' }], rows: 10, start: 0, timeZone: 'UTC', ...p,
});

/**
 * A facet kind whose every answer is readable at a glance: paths `a/b/c` are depth 3 (at most 3),
 * a path selects a `prefix` on the context's value path, and level `d` is a terms on `<valuePath>.l<d>`.
 */
export const slashKind: FacetKind = {
  maxDepth: 3,
  parsePath: (_ctx, raw) => ({ path: raw, depth: raw.split('/').length }),
  select: (ctx, p) => ({ kind: 'prefix', path: ctx.valuePath, value: p.path }),
  level: (ctx, depth) => ({ terms: { field: `${ctx.valuePath}.l${depth}` } }),
  read: () => [],
  nameOf: (_ctx, path) => path,
  isUnder: (_ctx, parent, path) => path.startsWith(`${parent}/`),
  parentOf: (_ctx, path) => (path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : undefined),
};

/** The context of a facet on field `name`, its value at `v.<name>`. */
export const facetCtx = (name: string): FacetContext => ({ field: field(name, 'text'), valuePath: `v.${name}`, timeZone: 'UTC', order: [{ _key: 'asc' }] });

/** A facet group of `slashKind` on field `name`, nothing refined or excluded. */
export const slashFacet = (name: string, more: Partial<FacetRequest> = {}): FacetRequest => ({
  name, kind: slashKind, ctx: facetCtx(name), refined: [], excluded: [], disjunctive: false, sort: '-count', ...more,
});
