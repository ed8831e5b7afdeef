import { shareFacetFilters } from '../../../src/compile/sharedFacetFilters';

const TERM = (value: string) => ({ term: { 'v.kind': { value } } });
const LEVEL = (field: string) => ({ terms: { field } });

describe('shareFacetFilters', () => {
  test('groups under the same filter are put under it once, each level named as it would be at the top', () => {
    const aggs = {
      facet0_l1: LEVEL('v.kind'),
      facet1: { filter: TERM('a'), aggs: { l1: LEVEL('v.year'), x0_l: LEVEL('v.month') } },
      facet2: { filter: TERM('a'), aggs: { l1: LEVEL('v.place') } },
      facet2_excluded: { filter: TERM('a'), aggs: { e0: { filter: TERM('z') } } },
    };
    expect(shareFacetFilters(aggs, 3)).toStrictEqual({
      facet0_l1: LEVEL('v.kind'),
      facet2_excluded: { filter: TERM('a'), aggs: { e0: { filter: TERM('z') } } },
      facets_1_2: { filter: TERM('a'), aggs: { facet1_l1: LEVEL('v.year'), facet1_x0_l: LEVEL('v.month'), facet2_l1: LEVEL('v.place') } },
    });
  });

  test('groups under different filters stay apart, and the request is not changed in place', () => {
    const aggs = {
      facet0: { filter: TERM('a'), aggs: { l1: LEVEL('v.x') } },
      facet1: { filter: TERM('b'), aggs: { l1: LEVEL('v.y') } },
      facet2: { filter: TERM('a'), aggs: { l1: LEVEL('v.z') } },
      facet3: { filter: TERM('b'), aggs: { l1: LEVEL('v.w') } },
      facet4: { filter: TERM('c'), aggs: { l1: LEVEL('v.v') } },
    };
    const before = JSON.parse(JSON.stringify(aggs)) as typeof aggs;
    expect(shareFacetFilters(aggs, 5)).toStrictEqual({
      facet4: { filter: TERM('c'), aggs: { l1: LEVEL('v.v') } },
      facets_0_2: { filter: TERM('a'), aggs: { facet0_l1: LEVEL('v.x'), facet2_l1: LEVEL('v.z') } },
      facets_1_3: { filter: TERM('b'), aggs: { facet1_l1: LEVEL('v.y'), facet3_l1: LEVEL('v.w') } },
    });
    expect(aggs).toStrictEqual(before);
  });

  test('only the groups counted: a filter aggregation of another name is left alone', () => {
    const aggs = { facet0: { filter: TERM('a'), aggs: { l1: LEVEL('v.x') } }, facet1: { filter: TERM('a'), aggs: { l1: LEVEL('v.y') } } };
    expect(shareFacetFilters(aggs, 1)).toStrictEqual(aggs);
  });
});
