import { errors } from '@elastic/elasticsearch';
import type { SearchRequest, SearchResponse } from '@elastic/elasticsearch/lib/api/types';
import { anonymous } from '../../src/auth/access';
import { compileFeaturesPage } from '../../src/compile/compileFeaturesPage';
import { compileSearch } from '../../src/compile/compileSearch';
import { ogcItemsParams } from '../../src/dialects/ogc/ogcParams';
import { ParamReader } from '../../src/dialects/shared/paramReader';
import { readQueryString } from '../../src/dialects/shared/rawParams';
import { recordsSearchParams } from '../../src/dialects/ods-v1/recordsSearchParams';
import type { Deps } from '../../src/execute/deps';
import { searchIndex } from '../../src/execute/searchIndex';
import { splitSearch } from '../../src/execute/splitSearch';
import { planFeatures } from '../../src/plan/planFeatures';
import { planRecordsSearch, readingWritten } from '../../src/plan/planRecordsSearch';
import { WRITTEN_RECORD } from '../../src/model/searchResult';
import { resolveDataset } from '../../src/usecases/resolveDataset';
import { ensureFixture } from '../support/ingestFixture';
import { openTestDeps } from '../support/testDeps';

const ID = 'lieux-de-tournage-a-paris';
let deps: Deps & { close(): Promise<void> };
beforeAll(async () => { deps = await openTestDeps(); await ensureFixture(deps, ID); }, 120_000);
afterAll(() => deps.close());

/** The compiled request of an ODS records search; with `written`, reading its records written (as a compact JSON page does). */
async function compiled(query: Record<string, string | string[]>, written = false): Promise<SearchRequest> {
  const params = new URLSearchParams({ dataset: ID });
  for (const [k, v] of Object.entries(query)) for (const x of [v].flat()) params.append(k, x);
  const req = recordsSearchParams(new ParamReader(readQueryString(params.toString())));
  const plan = planRecordsSearch(req, await resolveDataset(deps, anonymous('default'), req.dataset), Date.now());
  return compileSearch(written ? readingWritten(plan) : plan);
}

/** What a page shows: the total, the hits in order, the aggregations. */
const shown = (res: SearchResponse<unknown>) => ({ total: res.hits.total, ids: res.hits.hits.map((h) => h._id), aggregations: res.aggregations });

/** Each page, and the facet groups its counts search apart (top-level filter aggregations), with the one that gives the total. */
const PAGES: Array<[string, Record<string, string | string[]>, Array<[string | undefined, boolean]>]> = [
  ['text and three facets', { q: 'paris', facet: ['type_tournage', 'annee_tournage', 'ardt_lieu'], rows: '10' }, [[undefined, true]]],
  ['a refinement and an exclusion (a post-filter), disjunctive', {
    facet: ['type_tournage', 'ardt_lieu', 'nom_realisateur'], 'refine.type_tournage': ['Long métrage', 'Série TV'], 'exclude.ardt_lieu': '75008',
    'disjunctive.type_tournage': 'true', rows: '20', start: '15', sort: 'annee_tournage',
  }, [['facet0', false], ['facet1_excluded', false], ['facets_1_2', true]]],
  ['a date hierarchy refined to a year', { facet: ['date_debut', 'type_tournage'], 'refine.date_debut': '2019', rows: '5' }, [[undefined, true]]],
  ['text, a distance and two disjunctive refinements (a post-filter), each facet group searched apart', {
    q: 'rue', 'geofilter.distance': '48.8566,2.3522,3000', facet: ['type_tournage', 'ardt_lieu', 'annee_tournage'],
    'refine.type_tournage': 'Série TV', 'refine.ardt_lieu': ['75018', '75011'], 'disjunctive.type_tournage': 'true', 'disjunctive.ardt_lieu': 'true', rows: '10',
  }, [['facet0', false], ['facet1', false], ['facet2', true]]],
  ['a disjunctive refinement of the only facet (a post-filter counted by a search of its own)', {
    facet: 'type_tournage', 'refine.type_tournage': 'Série TV', 'disjunctive.type_tournage': 'true', rows: '10',
  }, [[undefined, false], ['portal_search_total', true]]],
];

describe('a page with facets, sent as its hits and its counts in one _msearch', () => {
  test.each(PAGES)('%s: the same total, hits and facet counts as the request sent whole', async (name, query, parts) => {
    const request = await compiled(query);
    expect(splitSearch(request)?.counts.map((part) => [part.group, part.total])).toEqual(parts);
    // The second page is narrowed by a post-filter, which the aggregations must not see.
    expect(request.post_filter !== undefined).toBe(name.includes('post-filter'));
    const whole = await deps.es.search(request);
    const split = await searchIndex(deps, request, { countsApart: true });
    expect(shown(split)).toEqual(shown(whole));
    expect((whole.hits.total as { value: number }).value).toBeGreaterThan(0);
  });

  test.each<[string, Record<string, string>, boolean]>([
    ['a bbox', { bbox: '2.28,48.83,2.41,48.89', limit: '100' }, false],
    ['a CQL2 filter, after a record id', { filter: "annee_tournage >= 2019 AND adresse_lieu LIKE '%rue%'", limit: '20' }, true],
  ])('an OGC API items page without facets, with %s, sends its total apart: the same total and features as sent whole', async (_name, params, later) => {
    const target = await resolveDataset(deps, anonymous('default'), { id: ID });
    const p = ogcItemsParams(new ParamReader(readQueryString(new URLSearchParams(params).toString())), ID, target.schema);
    const first = compileFeaturesPage(planFeatures(p.request, target, Date.now()), p.request.after);
    // A later page starts after a record id: the first page's tenth.
    const request = later ? { ...first, search_after: [(await deps.es.search(first)).hits.hits[9].sort![0]] } : first;
    expect(splitSearch(request)?.counts.map((part) => [part.group, part.total])).toEqual([[undefined, true]]);
    const whole = await deps.es.search(request);
    const split = await searchIndex(deps, request, { countsApart: true });
    expect(shown(split)).toEqual(shown(whole));
    expect(split.hits.hits.length).toBeGreaterThan(0);
    expect((whole.hits.total as { value: number }).value).toBeGreaterThan(split.hits.hits.length);
  });

  test.each<[string, Record<string, string | string[]>, Array<[string | undefined, boolean]>]>([
    ['two facets and text', { q: 'rue', facet: ['type_tournage', 'annee_tournage'], rows: '20' }, [[undefined, true]]],
    ['a bbox and no facet', { 'geofilter.bbox': '48.83,2.28,48.89,2.41', rows: '20' }, [[undefined, true]]],
    ['a disjunctive refinement (a post-filter)', { facet: 'type_tournage', 'refine.type_tournage': 'Série TV', 'disjunctive.type_tournage': 'true', rows: '20' }, [[undefined, false], ['portal_search_total', true]]],
  ])('a records page read written, with %s: its hits\' written records are cut from the _msearch answer, and it shows what the whole request shows', async (_name, query, parts) => {
    const request = await compiled(query, true);
    expect(splitSearch(request)?.counts.map((part) => [part.group, part.total])).toEqual(parts);
    const whole = await deps.es.search(request);
    const msearch = jest.spyOn(deps.es, 'msearch');
    try {
      const split = await searchIndex(deps, request, { countsApart: true, written: WRITTEN_RECORD.field });
      expect(shown(split)).toEqual(shown(whole));
      expect(split.hits.hits.map((h) => h.fields?.[WRITTEN_RECORD.field])).toEqual(whole.hits.hits.map((h) => h.fields?.[WRITTEN_RECORD.field]));
      // One _msearch, asked for as bytes: the parse that skips the written records.
      expect(msearch).toHaveBeenCalledTimes(1);
      expect(msearch.mock.calls[0][1]).toMatchObject({ asStream: true });
    } finally {
      msearch.mockRestore();
    }
    expect(whole.hits.hits.length).toBe(20);
    expect(whole.hits.hits.every((h) => typeof h.fields?.[WRITTEN_RECORD.field]?.[0] === 'string')).toBe(true);
  });

  test('a request Elasticsearch refuses is refused alike (400), not answered in part', async () => {
    const request = { ...(await compiled({ facet: 'type_tournage' })), sort: [{ 'v.no_such_field': { order: 'asc' as const } }] };
    const whole = await deps.es.search(request).then(() => null, (err: unknown) => err);
    const split = await searchIndex(deps, request, { countsApart: true }).then(() => null, (err: unknown) => err);
    expect(whole).toBeInstanceOf(errors.ResponseError);
    expect(split).toBeInstanceOf(errors.ResponseError);
    expect((split as errors.ResponseError).statusCode).toBe((whole as errors.ResponseError).statusCode);
  });

  test('the counts of a repeated page come from Elasticsearch\'s request cache', async () => {
    const request = await compiled({ q: 'rue', facet: ['nom_realisateur', 'type_tournage'], rows: '10' });
    const index = Object.keys(await deps.es.indices.get({ index: request.index as string }))[0];
    const cache = async (): Promise<{ hit: number; miss: number }> => {
      const stats = (await deps.es.indices.stats({ index, metric: 'request_cache' }))._all.total?.request_cache;
      return { hit: stats?.hit_count ?? 0, miss: stats?.miss_count ?? 0 };
    };
    await deps.es.indices.clearCache({ index, request: true });
    const before = await cache();
    const first = await searchIndex(deps, request, { countsApart: true });
    const afterFirst = await cache();
    const second = await searchIndex(deps, request, { countsApart: true });
    const afterSecond = await cache();
    expect(afterFirst.miss).toBeGreaterThan(before.miss);
    expect(afterSecond.hit).toBeGreaterThan(afterFirst.hit);
    expect(shown(second)).toEqual(shown(first));
  });
});

describe('a record index kept in record-id order (mappings/records.json: index.sort)', () => {
  test('the hits of a page in the default order stop once they hold it: Elasticsearch reads a few matching records per segment, not all of them', async () => {
    const request = await compiled({ q: 'rue', facet: ['type_tournage', 'ardt_lieu'], rows: '10' });
    const { index, ...hits } = splitSearch(request)!.hits;
    expect(hits.sort).toEqual([{ recordid: { order: 'asc' } }]);
    const segments = Object.values((await deps.es.indices.segments({ index: index as string })).indices)
      .flatMap((ix) => Object.values(ix.shards).flat()).reduce((n, shard) => n + Object.keys(shard.segments).length, 0);
    const matching = (await deps.es.count({ index: index as string, query: hits.query })).count;
    const profiled = await deps.es.search({ index, ...hits, profile: true });
    const read = (profiled.profile?.shards ?? []).flatMap((shard) => shard.searches.flatMap((s) => s.query))
      .reduce((n, q) => n + q.breakdown.next_doc_count + q.breakdown.advance_count, 0);
    // Each segment's walk ends after the page's 10 records and the one that shows nothing after them can compete.
    expect(read).toBeGreaterThan(0);
    expect(read).toBeLessThanOrEqual(11 * segments);
    expect(matching).toBeGreaterThan(11 * segments);
    // And the page is the one the whole request gives.
    const whole = await deps.es.search(request);
    expect(profiled.hits.hits.map((h) => h._id)).toEqual(whole.hits.hits.map((h) => h._id));
    expect(profiled.hits.hits).toHaveLength(10);
  });
});
