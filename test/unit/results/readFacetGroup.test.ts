import { readFacetGroup } from '../../../src/results/readFacetGroup';
import { valueFacet } from '../../../src/facets/valueFacet';
import { hierarchicalFacet } from '../../../src/facets/hierarchicalFacet';
import type { FacetContext, FacetKind, FacetPath } from '../../../src/model/facetKind';
import type { FacetRequest } from '../../../src/model/searchPlan';
import type { FieldDef } from '../../../src/model/descriptor';

const field = { name: 'place', label: 'Place', type: 'text', annotations: [], source: { kind: 'column', name: 'place' } } as unknown as FieldDef;
const ctx: FacetContext = { field, valuePath: 'v.place', timeZone: 'UTC', order: [{ _count: 'desc' }] };
const facet = (kind: FacetKind, extra: Partial<FacetRequest> = {}): FacetRequest =>
  ({ name: 'place', kind, ctx, refined: [], excluded: [], disjunctive: false, sort: '-count', ...extra });
const terms = (...buckets: Array<[string, number]>) => ({ buckets: buckets.map(([key, doc_count]) => ({ key, doc_count })) });
const path = (p: string): FacetPath => ({ path: p, depth: p.split('/').length });

describe('readFacetGroup: a flat facet', () => {
  it('lists the first level with counts, biggest first, leaving out empty buckets', () => {
    const aggs = { facet0: { doc_count: 10, l1: terms(['b', 3], ['a', 5], ['z', 0], ['c', 3]) } };
    expect(readFacetGroup(facet(valueFacet), 0, aggs)).toEqual({
      name: 'place',
      facets: [
        { name: 'a', path: 'a', count: 5, state: 'displayed' },
        { name: 'b', path: 'b', count: 3, state: 'displayed' },
        { name: 'c', path: 'c', count: 3, state: 'displayed' },
      ],
    });
  });

  it('reads its own group, facet<i>, and no other', () => {
    const aggs = { facet0: { l1: terms(['other', 9]) }, facet1: { l1: terms(['mine', 1]) } };
    expect(readFacetGroup(facet(valueFacet), 1, aggs).facets.map((v) => v.path)).toEqual(['mine']);
  });

  it('reads its first level at the top, facet<i>_l1, when the group has no filter around it', () => {
    const aggs = { facet0_l1: terms(['other', 9]), facet1_l1: terms(['mine', 1], ['also', 2]), facet10_l1: terms(['tenth', 5]) };
    expect(readFacetGroup(facet(valueFacet), 1, aggs).facets.map((v) => [v.path, v.count])).toEqual([['also', 2], ['mine', 1]]);
    expect(readFacetGroup(facet(valueFacet), 10, aggs).facets.map((v) => v.path)).toEqual(['tenth']);
  });

  it('is empty when the aggregation is missing', () => {
    expect(readFacetGroup(facet(valueFacet), 0, {})).toEqual({ name: 'place', facets: [] });
    expect(readFacetGroup(facet(valueFacet), 0, { facet0: {} })).toEqual({ name: 'place', facets: [] });
  });

  it('is empty for a field that is no facet (no kind, or no context)', () => {
    const aggs = { facet0: { l1: terms(['a', 1]) } };
    expect(readFacetGroup({ ...facet(valueFacet), kind: undefined }, 0, aggs)).toEqual({ name: 'place', facets: [] });
    expect(readFacetGroup({ ...facet(valueFacet), ctx: undefined }, 0, aggs)).toEqual({ name: 'place', facets: [] });
  });

  it('marks refined values', () => {
    const aggs = { facet0: { l1: terms(['a', 2], ['b', 1]) } };
    const group = readFacetGroup(facet(valueFacet, { refined: [path('b')] }), 0, aggs);
    expect(group.facets.map((v) => [v.path, v.state])).toEqual([['a', 'displayed'], ['b', 'refined']]);
  });

  it('lists an excluded value with its count from the excluded aggregation, sorted among the others', () => {
    // The value's own bucket (if any) is dropped: its count there would be under the exclusion.
    const aggs = {
      facet0: { l1: terms(['a', 2], ['b', 7], ['d', 1]) },
      facet0_excluded: { doc_count: 20, e0: { doc_count: 4 }, e1: { doc_count: 0 } },
    };
    const group = readFacetGroup(facet(valueFacet, { excluded: [path('b'), path('c')] }), 0, aggs);
    expect(group.facets).toEqual([
      { name: 'b', path: 'b', count: 4, state: 'excluded' },
      { name: 'a', path: 'a', count: 2, state: 'displayed' },
      { name: 'd', path: 'd', count: 1, state: 'displayed' },
      // An excluded value is listed even with no record.
      { name: 'c', path: 'c', count: 0, state: 'excluded' },
    ]);
  });

  it('reads the excluded counts at the top (facet<i>_excluded_e<k>) when they have no filter around them', () => {
    const wrapped = {
      facet1: { l1: terms(['a', 2], ['b', 7], ['d', 1]) },
      facet1_excluded: { doc_count: 20, e0: { doc_count: 4 }, e1: { doc_count: 0 } },
    };
    const top = { facet1: wrapped.facet1, facet1_excluded_e0: { doc_count: 4 }, facet1_excluded_e1: { doc_count: 0 }, facet0_excluded_e0: { doc_count: 99 } };
    const request = facet(valueFacet, { excluded: [path('b'), path('c')] });
    expect(readFacetGroup(request, 1, top)).toEqual(readFacetGroup(request, 1, wrapped));
    expect(readFacetGroup(request, 1, top).facets.filter((v) => v.state === 'excluded').map((v) => [v.path, v.count])).toEqual([['b', 4], ['c', 0]]);
  });

  it('counts an excluded value 0 when its count is missing', () => {
    const group = readFacetGroup(facet(valueFacet, { excluded: [path('b')] }), 0, { facet0: { l1: terms(['a', 2]) } });
    expect(group.facets).toEqual([
      { name: 'a', path: 'a', count: 2, state: 'displayed' },
      { name: 'b', path: 'b', count: 0, state: 'excluded' },
    ]);
  });

  it('applies the sort of the request, then the limit', () => {
    const aggs = { facet0: { l1: terms(['10', 1], ['9', 5], ['100', 2]) } };
    expect(readFacetGroup(facet(valueFacet, { sort: 'num' }), 0, aggs).facets.map((v) => v.path)).toEqual(['9', '10', '100']);
    expect(readFacetGroup(facet(valueFacet, { sort: 'num', limit: 2 }), 0, aggs).facets.map((v) => v.path)).toEqual(['9', '10']);
    expect(readFacetGroup(facet(valueFacet, { sort: '-count', limit: 1 }), 0, aggs).facets.map((v) => v.path)).toEqual(['9']);
  });
});

describe('readFacetGroup: a hierarchical facet', () => {
  // Refining France/IDF expands it and its ancestor France (expandedPaths: the refined path first,
  // then its ancestors), so x0 holds the level under France/IDF and x1 the level under France.
  const aggs = {
    facet0: {
      l1: terms(['France', 10], ['Germany', 5]),
      x0: { doc_count: 6, l: terms(['France/IDF/Paris', 4], ['France/IDF/Versailles', 2]) },
      // A record can hold several places: the level under France also sees Germany's paths, which are dropped.
      x1: { doc_count: 10, l: terms(['France/IDF', 6], ['Germany/Bayern', 1], ['France/Bretagne', 4]) },
    },
  };

  it('lists the levels below a refined path, each value named by its last level', () => {
    const group = readFacetGroup(facet(hierarchicalFacet, { refined: [path('France/IDF')] }), 0, aggs);
    expect(group).toEqual({
      name: 'place',
      facets: [
        {
          name: 'France', path: 'France', count: 10, state: 'refined',
          facets: [
            {
              name: 'IDF', path: 'France/IDF', count: 6, state: 'refined',
              facets: [
                { name: 'Paris', path: 'France/IDF/Paris', count: 4, state: 'displayed' },
                { name: 'Versailles', path: 'France/IDF/Versailles', count: 2, state: 'displayed' },
              ],
            },
            { name: 'Bretagne', path: 'France/Bretagne', count: 4, state: 'displayed' },
          ],
        },
        { name: 'Germany', path: 'Germany', count: 5, state: 'displayed' },
      ],
    });
  });

  it('reads the same levels at the top (facet<i>_l1, facet<i>_x<j>) when the group has no filter around them', () => {
    const wrapped = readFacetGroup(facet(hierarchicalFacet, { refined: [path('France/IDF')] }), 0, aggs);
    const top = { facet0_l1: aggs.facet0.l1, facet0_x0: aggs.facet0.x0, facet0_x1: aggs.facet0.x1 };
    expect(readFacetGroup(facet(hierarchicalFacet, { refined: [path('France/IDF')] }), 0, top)).toEqual(wrapped);
    expect(wrapped.facets[0].facets![0].facets!.map((v) => v.path)).toEqual(['France/IDF/Paris', 'France/IDF/Versailles']);
  });

  it('reads the levels below its paths with no filter around them (x<j>_l), in its group, at the top or in a shared group', () => {
    const wrapped = readFacetGroup(facet(hierarchicalFacet, { refined: [path('France/IDF')] }), 0, aggs);
    const below = { l1: aggs.facet0.l1, x0_l: aggs.facet0.x0.l, x1_l: aggs.facet0.x1.l };
    const top = { facet0_l1: below.l1, facet0_x0_l: below.x0_l, facet0_x1_l: below.x1_l };
    const other = { l1: terms(['Spain', 3]) };
    for (const answer of [
      { facet0: below },
      top,
      { facets_0_2: { doc_count: 12, ...top, facet2_l1: other.l1 } },
      { facets_1_0: { doc_count: 12, facet1_l1: other.l1, ...top } },
    ]) expect(readFacetGroup(facet(hierarchicalFacet, { refined: [path('France/IDF')] }), 0, answer)).toEqual(wrapped);
  });

  it('reads only its own levels from a shared group, and no shared group it is not in', () => {
    const shared = { facets_1_10: { doc_count: 9, facet1_l1: terms(['France', 1]), facet10_l1: terms(['Germany', 2]) } };
    expect(readFacetGroup(facet(hierarchicalFacet), 10, shared).facets.map((v) => v.path)).toEqual(['Germany']);
    expect(readFacetGroup(facet(hierarchicalFacet), 1, shared).facets.map((v) => v.path)).toEqual(['France']);
    expect(readFacetGroup(facet(hierarchicalFacet), 0, shared).facets).toEqual([]);
  });

  it('limits every level', () => {
    const group = readFacetGroup(facet(hierarchicalFacet, { refined: [path('France/IDF')], limit: 1 }), 0, aggs);
    expect(group.facets).toHaveLength(1);
    expect(group.facets[0].facets).toHaveLength(1);
    expect(group.facets[0].facets![0].facets!.map((v) => v.path)).toEqual(['France/IDF/Paris']);
  });

  it('lists an excluded path under its parent, at its depth only, without its children', () => {
    // Refining France/Bretagne/Rennes expands France/Bretagne/Rennes (x0), France/Bretagne (x1) and France (x2);
    // France/Bretagne is also excluded: it shows as excluded under France, with no level below it.
    const request = facet(hierarchicalFacet, { refined: [path('France/Bretagne/Rennes')], excluded: [path('France/Bretagne')] });
    const res = {
      facet0: {
        l1: terms(['France', 10]),
        x0: { l: terms(['France/Bretagne/Rennes/Centre', 1]) },
        x1: { l: terms(['France/Bretagne/Rennes', 2]) },
        x2: { l: terms(['France/IDF', 6], ['France/Bretagne', 1]) },
      },
      facet0_excluded: { e0: { doc_count: 3 } },
    };
    expect(readFacetGroup(request, 0, res).facets).toEqual([
      {
        name: 'France', path: 'France', count: 10, state: 'refined',
        facets: [
          { name: 'IDF', path: 'France/IDF', count: 6, state: 'displayed' },
          { name: 'Bretagne', path: 'France/Bretagne', count: 3, state: 'excluded' },
        ],
      },
    ]);
  });

  it('lists an excluded first-level path at the first level', () => {
    const request = facet(hierarchicalFacet, { excluded: [path('Germany')] });
    const res = { facet0: { l1: terms(['France', 10], ['Germany', 5]) }, facet0_excluded: { e0: { doc_count: 5 } } };
    expect(readFacetGroup(request, 0, res).facets).toEqual([
      { name: 'France', path: 'France', count: 10, state: 'displayed' },
      { name: 'Germany', path: 'Germany', count: 5, state: 'excluded' },
    ]);
  });
});
