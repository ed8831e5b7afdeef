import { dateFacet } from '../../../src/facets/dateFacet';
import { expandedPaths } from '../../../src/facets/facetTree';
import { hierarchicalFacet } from '../../../src/facets/hierarchicalFacet';
import { valueFacet } from '../../../src/facets/valueFacet';
import type { FieldDef } from '../../../src/model/descriptor';
import type { FacetContext, FacetKind, FacetPath } from '../../../src/model/facetKind';
import type { FacetRequest } from '../../../src/model/searchPlan';

const ctx = (field: Partial<FieldDef>): FacetContext => ({
  field: { name: 'f', label: 'F', annotations: [], source: { column: 'f' }, ...field } as FieldDef,
  valuePath: 'v.f',
  timeZone: 'UTC',
  order: [],
});
const dateCtx = ctx({ type: 'date' });
const regionCtx = ctx({ type: 'text', annotations: [{ name: 'hierarchical', args: ['/'] }] });

const request = (kind: FacetKind | undefined, c: FacetContext | undefined, refined: FacetPath[]): FacetRequest => ({
  name: 'f', kind, ctx: c, refined, excluded: [], disjunctive: false, sort: 'count',
});

/** The expanded paths, in any order. */
const expanded = (r: FacetRequest): FacetPath[] => [...expandedPaths(r)].sort((a, b) => a.path.localeCompare(b.path));

describe('expandedPaths', () => {
  test('nothing refined, nothing expanded', () => {
    expect(expandedPaths(request(dateFacet, dateCtx, []))).toEqual([]);
  });

  test('a refined month shows its days, and its year its months', () => {
    expect(expanded(request(dateFacet, dateCtx, [{ path: '2019/09', depth: 2 }]))).toEqual([
      { path: '2019', depth: 1 },
      { path: '2019/09', depth: 2 },
    ]);
  });

  test('a refined day is the deepest level: only its month and year are expanded', () => {
    expect(expanded(request(dateFacet, dateCtx, [{ path: '2019/09/27', depth: 3 }]))).toEqual([
      { path: '2019', depth: 1 },
      { path: '2019/09', depth: 2 },
    ]);
  });

  test('refines sharing ancestors list each path once', () => {
    const refined = [{ path: '2019/09/27', depth: 3 }, { path: '2019/10', depth: 2 }, { path: '2019', depth: 1 }];
    expect(expanded(request(dateFacet, dateCtx, refined))).toEqual([
      { path: '2019', depth: 1 },
      { path: '2019/09', depth: 2 },
      { path: '2019/10', depth: 2 },
    ]);
  });

  test('a hierarchy expands every ancestor of a refined path', () => {
    expect(expanded(request(hierarchicalFacet, regionCtx, [{ path: 'France/Bretagne/Finistère', depth: 3 }]))).toEqual([
      { path: 'France', depth: 1 },
      { path: 'France/Bretagne', depth: 2 },
      { path: 'France/Bretagne/Finistère', depth: 3 },
    ]);
  });

  test('a hierarchy at its deepest indexed level (8) is not expanded, its ancestors are', () => {
    const paths = expanded(request(hierarchicalFacet, regionCtx, [{ path: 'a/b/c/d/e/f/g/h', depth: 8 }]));
    expect(paths.map((p) => p.depth)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(paths[6]).toEqual({ path: 'a/b/c/d/e/f/g', depth: 7 });
  });

  test('a hierarchy deeper than its indexed levels: each ancestor is labelled with its own level', () => {
    // Ten levels share the eighth index level with their 9- and 8-level ancestors; the ancestors
    // that are expanded are the 1- to 7-level prefixes, each with as many segments as its depth.
    const paths = expanded(request(hierarchicalFacet, regionCtx, [{ path: 'a/b/c/d/e/f/g/h/i/j', depth: 8 }]));
    expect(paths).toEqual(['a', 'a/b', 'a/b/c', 'a/b/c/d', 'a/b/c/d/e', 'a/b/c/d/e/f', 'a/b/c/d/e/f/g'].map((path, i) => ({ path, depth: i + 1 })));
  });

  test('a flat facet has nothing below its values', () => {
    expect(expandedPaths(request(valueFacet, ctx({ type: 'text' }), [{ path: 'Paris', depth: 1 }]))).toEqual([]);
  });

  test('a facet with no kind or no context expands nothing', () => {
    expect(expandedPaths(request(undefined, dateCtx, [{ path: '2019', depth: 1 }]))).toEqual([]);
    expect(expandedPaths(request(dateFacet, undefined, [{ path: '2019', depth: 1 }]))).toEqual([]);
  });

  test('the walk up stops at depth 1 even when a kind would go on', () => {
    // A kind whose parentOf never ends, each parent one level up: the depth alone bounds the walk.
    const endless: FacetKind = { ...dateFacet, parentOf: (_c, path) => `${path}^`, parsePath: (_c, raw) => ({ path: raw, depth: 2 - (raw.length - 1) }) };
    expect(expanded(request(endless, dateCtx, [{ path: 'x', depth: 2 }]))).toEqual([
      { path: 'x', depth: 2 },
      { path: 'x^', depth: 1 },
    ]);
  });
});
