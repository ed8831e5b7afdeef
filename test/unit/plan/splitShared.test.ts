import type { FacetKind } from '../../../src/model/facetKind';
import type { Predicate } from '../../../src/model/predicate';
import type { FacetRequest, FieldFilter } from '../../../src/model/searchPlan';
import { splitShared } from '../../../src/plan/combine';

const term = (path: string, value: string): Predicate => ({ kind: 'term', path, value });
const not = (clause: Predicate): Predicate => ({ kind: 'not', clause });
/** A facet on `name`; only whether it has a kind and context, and its excluded paths, matter here. */
const facet = (name: string, excluded: string[] = [], counted = true): FacetRequest => ({
  name,
  ...(counted ? { kind: {} as FacetKind, ctx: { field: { name, type: 'text', annotations: [] }, valuePath: `v.${name}`, timeZone: 'UTC', order: [] } } : {}),
  refined: [],
  excluded: excluded.map((path) => ({ path, depth: 1 })),
  disjunctive: false,
  sort: '-count',
} as FacetRequest);

const a = term('v.a', '1'), b = term('v.b', '2'), notC = not(term('v.c', '3'));

describe('splitShared: what every facet and the hits apply alike', () => {
  test('refines and excludes of a field without a facet are shared, whatever the disjunctive flag', () => {
    const filters: FieldFilter[] = [{ field: 'a', disjunctive: true, refine: a }, { field: 'c', disjunctive: false, exclude: notC }];
    expect(splitShared(filters, [facet('b')])).toEqual({ shared: [a, notC], rest: [] });
  });

  test('a disjunctive refine on a counted facet stays out (its facet counts without it)', () => {
    const filters: FieldFilter[] = [{ field: 'a', disjunctive: true, refine: a }, { field: 'b', disjunctive: false, refine: b }];
    expect(splitShared(filters, [facet('a'), facet('b')])).toEqual({ shared: [b], rest: [{ field: 'a', disjunctive: true, refine: a }] });
  });

  test('an exclude stays out only when its facet lists excluded values; the refine beside it is still shared', () => {
    const filters: FieldFilter[] = [{ field: 'c', disjunctive: false, refine: a, exclude: notC }];
    expect(splitShared(filters, [facet('c', ['3'])])).toEqual({ shared: [a], rest: [{ field: 'c', disjunctive: false, exclude: notC }] });
    expect(splitShared(filters, [facet('c')])).toEqual({ shared: [a, notC], rest: [] });
  });

  test('a facet on a field that is no facet (no kind) computes nothing, so it holds nothing back', () => {
    const filters: FieldFilter[] = [{ field: 'c', disjunctive: true, refine: a, exclude: notC }];
    expect(splitShared(filters, [facet('c', ['3'], false)])).toEqual({ shared: [a, notC], rest: [] });
  });

  test('no filters, nothing to share', () => {
    expect(splitShared([], [facet('a')])).toEqual({ shared: [], rest: [] });
  });
});
