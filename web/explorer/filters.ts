import type { Params } from './types';

/**
 * What a view filters by: the query text and the facet paths refined and excluded, per field.
 * The same shape serves the catalog and a dataset; it round-trips through the page's URL hash so
 * that a view can be bookmarked and shared.
 */
export interface Filters {
  q: string;
  refine: Record<string, string[]>;
  exclude: Record<string, string[]>;
}

export const emptyFilters = (): Filters => ({ q: '', refine: {}, exclude: {} });

/** `a` is `b` or one of its ancestors in a facet hierarchy (`2019` of `2019/06`). */
const isAncestorOrSelf = (a: string, b: string): boolean => a === b || b.startsWith(`${a}/`);

/**
 * Clicking a facet value. A refined value (or one whose descendant is refined) is let go with its
 * descendants. Otherwise the value is refined: one level deeper replaces its ancestor (year →
 * month → day); on a disjunctive field the other values stay (they are ORed), elsewhere they go
 * (two values of one single-valued field would match nothing). A refined value is not excluded.
 */
export function toggleRefine(f: Filters, field: string, path: string, disjunctive: boolean): Filters {
  const current = f.refine[field] ?? [];
  const exclude = { ...f.exclude, [field]: (f.exclude[field] ?? []).filter((p) => p !== path) };
  let next: string[];
  if (current.some((p) => isAncestorOrSelf(path, p))) next = current.filter((p) => !isAncestorOrSelf(path, p));
  else if (disjunctive) next = [...current.filter((p) => !isAncestorOrSelf(p, path)), path];
  else next = [path];
  return { ...f, refine: { ...f.refine, [field]: next }, exclude };
}

/** Excluding a facet value (or taking the exclusion back); an excluded value is no longer refined. */
export function toggleExclude(f: Filters, field: string, path: string): Filters {
  const current = f.exclude[field] ?? [];
  const next = current.includes(path) ? current.filter((p) => p !== path) : [...current, path];
  const refine = { ...f.refine, [field]: (f.refine[field] ?? []).filter((p) => !isAncestorOrSelf(path, p)) };
  return { ...f, exclude: { ...f.exclude, [field]: next }, refine };
}

/** The API parameters of the filters: `q`, `refine.<f>`, `exclude.<f>`, and `disjunctive.<f>=true` for the disjunctive fields. */
export function filterParams(f: Filters, disjunctive: ReadonlySet<string>): Params {
  const out: Params = [];
  if (f.q.trim() !== '') out.push(['q', f.q]);
  for (const [field, paths] of Object.entries(f.refine)) for (const p of paths) out.push([`refine.${field}`, p]);
  for (const [field, paths] of Object.entries(f.exclude)) for (const p of paths) out.push([`exclude.${field}`, p]);
  for (const field of disjunctive) out.push([`disjunctive.${field}`, 'true']);
  return out;
}

/** The filters read back from a view's hash parameters. */
export function filtersFrom(params: URLSearchParams): Filters {
  const f = emptyFilters();
  f.q = params.get('q') ?? '';
  for (const [name, value] of params) {
    const m = /^(refine|exclude)\.(.+)$/.exec(name);
    if (m) (m[1] === 'refine' ? f.refine : f.exclude)[m[2]] = [...((m[1] === 'refine' ? f.refine : f.exclude)[m[2]] ?? []), value];
  }
  return f;
}

/** The filters as hash parameters (the API's own spelling, without `disjunctive`). */
export function filtersTo(f: Filters, params: URLSearchParams): void {
  if (f.q !== '') params.set('q', f.q);
  for (const [field, paths] of Object.entries(f.refine)) for (const p of paths) params.append(`refine.${field}`, p);
  for (const [field, paths] of Object.entries(f.exclude)) for (const p of paths) params.append(`exclude.${field}`, p);
}
