import type { SearchHit, SearchResponse } from '@elastic/elasticsearch/lib/api/types';
import { readPackageSearch } from '../../../src/results/readPackageSearch';
import { valueFacet } from '../../../src/facets/valueFacet';
import type { FacetRequest } from '../../../src/model/searchPlan';
import type { PackageSearchPlan } from '../../../src/model/packageSearch';
import type { PackageHit } from '../../../src/model/dataset';
import type { FieldDef } from '../../../src/model/descriptor';

const field = (name: string) => ({ name, label: name, type: 'text', annotations: [], source: { kind: 'column', name } }) as unknown as FieldDef;
const facet = (name: string): FacetRequest => ({
  name, kind: valueFacet, ctx: { field: field(name), valuePath: name, timeZone: 'UTC', order: [] },
  refined: [], excluded: [], disjunctive: false, sort: '-count',
});
const plan = (facets: FacetRequest[]): PackageSearchPlan =>
  ({ search: { index: 'catalog', facets }, facets: [], sort: 'score desc', visibility: { kind: 'all' } }) as unknown as PackageSearchPlan;
const pkg = (id: string): PackageHit => ({ datasetid: id }) as unknown as PackageHit;
const hit = (source: PackageHit): SearchHit<PackageHit> => ({ _index: 'catalog', _id: 'x', _source: source });
const response = (hits: PackageHit[], total: number, aggregations?: Record<string, unknown>): SearchResponse<PackageHit> =>
  ({ took: 1, timed_out: false, _shards: { total: 1, successful: 1, failed: 0 }, hits: { total: { value: total, relation: 'eq' }, hits: hits.map(hit) }, ...(aggregations ? { aggregations } : {}) }) as SearchResponse<PackageHit>;

describe('readPackageSearch', () => {
  it('answers the count, the entries in hit order and the facet groups by field name', () => {
    const p = plan([facet('publisher'), facet('theme')]);
    const res = response([pkg('b'), pkg('a')], 12, {
      facet0: { l1: { buckets: [{ key: 'Town', doc_count: 2 }] } },
      facet1: { l1: { buckets: [{ key: 'Transport', doc_count: 1 }, { key: 'Health', doc_count: 3 }] } },
    });
    const r = readPackageSearch(p, res);
    expect(r.plan).toBe(p);
    expect(r.count).toBe(12);
    expect('hits' in r && r.hits).toEqual([pkg('b'), pkg('a')]);
    expect([...r.groups.keys()]).toEqual(['publisher', 'theme']);
    expect(r.groups.get('publisher')).toEqual({ name: 'publisher', facets: [{ name: 'Town', path: 'Town', count: 2, state: 'displayed' }] });
    expect(r.groups.get('theme')!.facets.map((v) => v.path)).toEqual(['Health', 'Transport']);
    expect(r).not.toHaveProperty('organizations');
  });

  it('with a plan of written package dicts, each entry\'s bytes, decoded from base64, in hit order', () => {
    const texts = ['{"name": "été"}', '{"name": "b"}'];
    const res = response([pkg('a'), pkg('b')], 2);
    res.hits.hits.forEach((h, i) => { h.fields = { written_d4c: [Buffer.from(texts[i], 'utf8').toString('base64')] }; });
    const r = readPackageSearch({ ...plan([]), written: 'd4c' }, res);
    expect('written' in r && r.written.map((b) => Buffer.from(b).toString('utf8'))).toEqual(texts);
    expect(r).not.toHaveProperty('hits');
    // A hit without its written dict is an index of another format: an error, not an empty entry.
    expect(() => readPackageSearch({ ...plan([]), written: 'ckan' }, res)).toThrow(/has no written_ckan/);
  });

  it('lists the visible publishers when the all_organizations aggregation answered', () => {
    const res = response([], 0, { all_organizations: { doc_count: 9, visible: { doc_count: 5, orgs: { buckets: [{ key: 'org-a', doc_count: 3 }, { key: 'org-b', doc_count: 2 }] } } } });
    expect(readPackageSearch(plan([]), res).organizations).toEqual(['org-a', 'org-b']);
  });

  it('has no publisher list when the aggregation is incomplete, and empty groups without aggregations', () => {
    expect(readPackageSearch(plan([]), response([], 0, { all_organizations: { visible: {} } }))).not.toHaveProperty('organizations');
    expect(readPackageSearch(plan([]), response([], 0, { all_organizations: {} }))).not.toHaveProperty('organizations');
    const r = readPackageSearch(plan([facet('publisher')]), response([], 0));
    expect(r.groups.get('publisher')).toEqual({ name: 'publisher', facets: [] });
    expect(r).not.toHaveProperty('organizations');
  });
});
