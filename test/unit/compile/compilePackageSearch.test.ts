import { ALL_ORGANIZATIONS, compilePackageSearch } from '../../../src/compile/compilePackageSearch';
import type { PackageSearchPlan } from '../../../src/model/packageSearch';
import { searchPlan, slashFacet } from '../../support/compileInputs';

const visibility = { kind: 'term' as const, path: 'visibility', value: 'public' };
const plan = (facets = false): PackageSearchPlan => ({
  search: searchPlan({ index: 'catalog', source: ['title'], facets: facets ? [slashFacet('publisher')] : [] }),
  facets: [], sort: 'score desc', visibility,
});
const SEARCH = { index: 'catalog', query: { match_all: {} }, track_total_hits: true, from: 0, size: 10, sort: [{ recordid: { order: 'asc' } }], _source: ['title'] };
/** d4c's every visible publisher: a global aggregation (whatever the query) under the visibility filter, publishers A→Z, up to 1000. */
const ORGS = {
  global: {},
  aggs: { visible: { filter: { term: { visibility: { value: 'public' } } }, aggs: { orgs: { terms: { field: 'publisher', size: 1000, order: { _key: 'asc' } } } } } },
};

describe('compilePackageSearch', () => {
  test('the aggregation of the publishers is named all_organizations', () => {
    expect(ALL_ORGANIZATIONS).toBe('all_organizations');
  });

  test('without the organizations: the catalog search alone', () => {
    expect(compilePackageSearch(plan(), false)).toStrictEqual(SEARCH);
    expect(compilePackageSearch(plan(true), false)).toStrictEqual({ ...SEARCH, aggs: { facet0_l1: { terms: { field: 'v.publisher.l1' } } } });
  });

  test('with them: the search and the publishers the caller may see', () => {
    expect(compilePackageSearch(plan(), true)).toStrictEqual({ ...SEARCH, aggs: { all_organizations: ORGS } });
  });

  test('with them and facets: both sets of aggregations', () => {
    expect(compilePackageSearch(plan(true), true)).toStrictEqual({
      ...SEARCH,
      aggs: { facet0_l1: { terms: { field: 'v.publisher.l1' } }, all_organizations: ORGS },
    });
  });
});
