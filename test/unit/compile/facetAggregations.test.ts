import { facetAggregations } from '../../../src/compile/facetAggregations';
import type { Predicate } from '../../../src/model/predicate';
import type { FieldFilter } from '../../../src/model/searchPlan';
import type { FacetPath } from '../../../src/model/facetKind';
import { slashFacet } from '../../support/compileInputs';

const term = (path: string, value: string): Predicate => ({ kind: 'term', path, value });
const not = (clause: Predicate): Predicate => ({ kind: 'not', clause });
const TERM = (path: string, value: string) => ({ term: { [path]: { value } } });
const NOT = (clause: object) => ({ bool: { must_not: [clause] } });
const PREFIX = (value: string) => ({ prefix: { 'v.place': { value } } });
const PREFIX_PREDICATE = (value: string): Predicate => ({ kind: 'prefix', path: 'v.place', value });
const LEVEL = (depth: number) => ({ terms: { field: `v.place.l${depth}` } });

/** Another field's refine and exclude. */
const kindFilter: FieldFilter = { field: 'kind', refine: term('v.kind', 'k'), exclude: not(term('v.kind', 'z')), disjunctive: false };
/** The facet's own refine and exclude. */
const placeFilter = (disjunctive: boolean): FieldFilter => ({ field: 'place', refine: { kind: 'prefix', path: 'v.place', value: 'a' }, exclude: not({ kind: 'prefix', path: 'v.place', value: 'q' }), disjunctive });

describe('facetAggregations', () => {
  test('a field that is no facet (no kind or no context) asks for nothing', () => {
    const noKind = slashFacet('place', { kind: undefined, excluded: [{ path: 'q', depth: 1 }] });
    const noCtx = slashFacet('place', { ctx: undefined, excluded: [{ path: 'q', depth: 1 }] });
    expect(facetAggregations(noKind, 0, [kindFilter])).toStrictEqual({});
    expect(facetAggregations(noCtx, 0, [kindFilter])).toStrictEqual({});
  });

  test('no filter: the first level over every match, at the top as facet<i>_l1, with no filter around it', () => {
    expect(facetAggregations(slashFacet('place'), 0, [])).toStrictEqual({ facet0_l1: LEVEL(1) });
    expect(facetAggregations(slashFacet('place'), 3, [])).toStrictEqual({ facet3_l1: LEVEL(1) });
    // Another field's filter that is no filter at all (neither refine nor exclude) leaves it at the top too.
    expect(facetAggregations(slashFacet('place'), 0, [{ field: 'kind', disjunctive: false }])).toStrictEqual({ facet0_l1: LEVEL(1) });
  });

  test('a disjunctive facet refined alone counts over every match: at the top', () => {
    expect(facetAggregations(slashFacet('place', { disjunctive: true }), 0, [{ field: 'place', refine: term('v.place', 'a'), disjunctive: true }]))
      .toStrictEqual({ facet0_l1: LEVEL(1) });
  });

  test('the counts see every other field\'s refines and excludes, and the facet\'s own', () => {
    expect(facetAggregations(slashFacet('place'), 1, [kindFilter, placeFilter(false)])).toStrictEqual({
      facet1: {
        filter: { bool: { filter: [TERM('v.kind', 'k'), NOT(TERM('v.kind', 'z')), PREFIX('a'), NOT(PREFIX('q'))] } },
        aggs: { l1: LEVEL(1) },
      },
    });
  });

  test('another field\'s refines count even when that field is disjunctive', () => {
    expect(facetAggregations(slashFacet('place'), 0, [{ ...kindFilter, disjunctive: true }])).toStrictEqual({
      facet0: { filter: { bool: { filter: [TERM('v.kind', 'k'), NOT(TERM('v.kind', 'z'))] } }, aggs: { l1: LEVEL(1) } },
    });
  });

  test('a disjunctive facet counts without its own refines, still with its own excludes', () => {
    expect(facetAggregations(slashFacet('place', { disjunctive: true }), 1, [kindFilter, placeFilter(true)])).toStrictEqual({
      facet1: { filter: { bool: { filter: [TERM('v.kind', 'k'), NOT(TERM('v.kind', 'z')), NOT(PREFIX('q'))] } }, aggs: { l1: LEVEL(1) } },
    });
  });

  test('one filter part alone is the filter itself, not an and of one', () => {
    expect(facetAggregations(slashFacet('place'), 0, [{ field: 'place', refine: term('v.place', 'a'), disjunctive: false }])).toStrictEqual({
      facet0: { filter: TERM('v.place', 'a'), aggs: { l1: LEVEL(1) } },
    });
    expect(facetAggregations(slashFacet('place'), 0, [{ field: 'place', exclude: not(term('v.place', 'q')), disjunctive: false }])).toStrictEqual({
      facet0: { filter: NOT(TERM('v.place', 'q')), aggs: { l1: LEVEL(1) } },
    });
    expect(facetAggregations(slashFacet('place'), 0, [{ field: 'kind', exclude: not(term('v.kind', 'z')), disjunctive: false }])).toStrictEqual({
      facet0: { filter: NOT(TERM('v.kind', 'z')), aggs: { l1: LEVEL(1) } },
    });
  });

  test('each refined path lists the level below it and below each of its ancestors, down to the last level', () => {
    // A disjunctive facet counts records outside its refines: each level below a path is filtered to that path.
    const disjunctive = (refined: FacetPath[]) => slashFacet('place', { refined, disjunctive: true });
    const own: FieldFilter = { field: 'place', refine: PREFIX_PREDICATE('a/b'), disjunctive: true };
    expect(facetAggregations(disjunctive([{ path: 'a/b', depth: 2 }]), 0, [own])).toStrictEqual({
      facet0_l1: LEVEL(1), facet0_x0: { filter: PREFIX('a/b'), aggs: { l: LEVEL(3) } }, facet0_x1: { filter: PREFIX('a'), aggs: { l: LEVEL(2) } },
    });
    // A path at the last level (3) has no level below it: only its ancestors are expanded.
    expect(facetAggregations(disjunctive([{ path: 'a/b/c', depth: 3 }]), 0, [own])).toStrictEqual({
      facet0_l1: LEVEL(1), facet0_x0: { filter: PREFIX('a/b'), aggs: { l: LEVEL(3) } }, facet0_x1: { filter: PREFIX('a'), aggs: { l: LEVEL(2) } },
    });
    // Under a filter, the same levels are in the group.
    expect(facetAggregations(disjunctive([{ path: 'a/b', depth: 2 }]), 0, [kindFilter, own])).toStrictEqual({
      facet0: {
        filter: { bool: { filter: [TERM('v.kind', 'k'), NOT(TERM('v.kind', 'z'))] } },
        aggs: { l1: LEVEL(1), x0: { filter: PREFIX('a/b'), aggs: { l: LEVEL(3) } }, x1: { filter: PREFIX('a'), aggs: { l: LEVEL(2) } } },
      },
    });
  });

  test('a facet that is not disjunctive counts only records its refines select: the levels below its paths have no filter', () => {
    // Its refines are in the query (src/plan/combine.ts), so no filter part of the group is its own.
    const refinedTo = (path: string, depth: number) => slashFacet('place', { refined: [{ path, depth }] });
    expect(facetAggregations(refinedTo('a/b', 2), 0, [])).toStrictEqual({ facet0_l1: LEVEL(1), facet0_x0_l: LEVEL(3), facet0_x1_l: LEVEL(2) });
    expect(facetAggregations(refinedTo('a/b/c', 3), 0, [])).toStrictEqual({ facet0_l1: LEVEL(1), facet0_x0_l: LEVEL(3), facet0_x1_l: LEVEL(2) });
    expect(facetAggregations(refinedTo('a/b', 2), 0, [kindFilter])).toStrictEqual({
      facet0: { filter: { bool: { filter: [TERM('v.kind', 'k'), NOT(TERM('v.kind', 'z'))] } }, aggs: { l1: LEVEL(1), x0_l: LEVEL(3), x1_l: LEVEL(2) } },
    });
  });

  test('excluded values get their counts from a sibling that leaves the facet\'s own excludes out', () => {
    const facet = slashFacet('place', { excluded: [{ path: 'q', depth: 1 }, { path: 'r/s', depth: 2 }] });
    expect(facetAggregations(facet, 2, [kindFilter, placeFilter(false)])).toStrictEqual({
      facet2: {
        filter: { bool: { filter: [TERM('v.kind', 'k'), NOT(TERM('v.kind', 'z')), PREFIX('a'), NOT(PREFIX('q'))] } },
        aggs: { l1: LEVEL(1) },
      },
      facet2_excluded: {
        filter: { bool: { filter: [TERM('v.kind', 'k'), NOT(TERM('v.kind', 'z')), PREFIX('a')] } },
        aggs: { e0: { filter: PREFIX('q') }, e1: { filter: PREFIX('r/s') } },
      },
    });
  });

  test('for a disjunctive facet, the excluded counts leave its own refines out too', () => {
    const facet = slashFacet('place', { disjunctive: true, excluded: [{ path: 'q', depth: 1 }] });
    expect(facetAggregations(facet, 0, [kindFilter, placeFilter(true)])).toStrictEqual({
      facet0: { filter: { bool: { filter: [TERM('v.kind', 'k'), NOT(TERM('v.kind', 'z')), NOT(PREFIX('q'))] } }, aggs: { l1: LEVEL(1) } },
      facet0_excluded: { filter: { bool: { filter: [TERM('v.kind', 'k'), NOT(TERM('v.kind', 'z'))] } }, aggs: { e0: { filter: PREFIX('q') } } },
    });
    // With no other filter, the excluded counts see every match: they go to the top, as a group's levels do.
    expect(facetAggregations(facet, 0, [placeFilter(true)])).toStrictEqual({
      facet0: { filter: NOT(PREFIX('q')), aggs: { l1: LEVEL(1) } },
      facet0_excluded_e0: { filter: PREFIX('q') },
    });
    const two = slashFacet('place', { excluded: [{ path: 'q', depth: 1 }, { path: 'r/s', depth: 2 }] });
    expect(facetAggregations(two, 4, [{ field: 'place', exclude: not(PREFIX_PREDICATE('q')), disjunctive: false }])).toStrictEqual({
      facet4: { filter: NOT(PREFIX('q')), aggs: { l1: LEVEL(1) } },
      facet4_excluded_e0: { filter: PREFIX('q') },
      facet4_excluded_e1: { filter: PREFIX('r/s') },
    });
  });
});
