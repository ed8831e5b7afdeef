import type { Client } from '@elastic/elasticsearch';
import type { Express } from 'express';
import pino from 'pino';
import request from 'supertest';
import { getDatasetInDomain } from '../../../src/execute/datasetStore';
import type { DatasetDirectory } from '../../../src/execute/datasetDirectory';
import type { Deps } from '../../../src/execute/deps';
import { COUNTS_APART_FROM } from '../../../src/execute/splitSearch';
import { createApp } from '../../../src/http/app';
import { asText } from '../../support/exactText';
import { ensureFixture } from '../../support/ingestFixture';
import { TEST_NOW } from '../../support/recordsApp';
import { openTestDeps } from '../../support/testDeps';

/**
 * A dataset of COUNTS_APART_FROM records or more sends its pages as an `_msearch` of their hits and
 * their counts (src/execute/splitSearch.ts). Building such a dataset here would take minutes, so
 * lieux-de-tournage is served twice: as it is, and by an app whose dataset lookups say it holds
 * that many records. Each page must be the same bytes both ways.
 */
let deps: Deps & { close(): Promise<void> };
beforeAll(async () => { deps = await openTestDeps(); await ensureFixture(deps, 'lieux-de-tournage-a-paris'); }, 900000);
afterAll(() => deps.close());

/** Elasticsearch calls by kind. */
interface Calls { search: number; msearch: number }

/** An app over a client that counts its searches; with `large`, every dataset it looks up is said to hold COUNTS_APART_FROM records. */
function app(large: boolean): { app: Express; calls: Calls } {
  const calls: Calls = { search: 0, msearch: 0 };
  const es = Object.create(deps.es) as Client;
  es.search = ((...args: Parameters<Client['search']>) => { calls.search++; return deps.es.search(...args); }) as Client['search'];
  es.msearch = ((...args: Parameters<Client['msearch']>) => { calls.msearch++; return deps.es.msearch(...args); }) as Client['msearch'];
  const lookup = async (domain: string, id: string): ReturnType<DatasetDirectory['lookup']> => {
    const found = await getDatasetInDomain(deps.pool, domain, id);
    return found.dataset && large ? { ...found, dataset: { ...found.dataset, recordsCount: COUNTS_APART_FROM } } : found;
  };
  const directory = { lookup } as unknown as DatasetDirectory;
  return { app: createApp({ ...deps, es, directory }, pino({ level: 'silent' }), { clock: () => TEST_NOW }), calls };
}

/** A response's body as the exact text sent, with one host for both apps (links name it). */
const bodyOf = async (r: request.Test): Promise<{ text: string; etag: unknown }> => {
  const res = await asText(r.set('Host', 'portal.test')).expect(200);
  return { text: res.body as string, etag: res.headers.etag };
};

const D = 'dataset=lieux-de-tournage-a-paris';
/** Each page, and whether a large dataset sends it as an _msearch of its hits and counts. */
const PAGES: Array<[string, string, boolean]> = [
  ['ODS JSON, text and two facets (records read written)', `/api/records/1.0/search?${D}&q=rue&facet=type_tournage&facet=annee_tournage&rows=20`, true],
  ['ODS JSON, a bbox and no facet (records read written, the total counted apart)', `/api/records/1.0/search?${D}&geofilter.bbox=48.83,2.28,48.89,2.41&rows=20`, true],
  ['ODS JSON, a disjunctive refinement and an exclusion', `/api/records/1.0/search?${D}&facet=type_tournage&facet=ardt_lieu&refine.type_tournage=S%C3%A9rie+TV&disjunctive.type_tournage=true&exclude.ardt_lieu=75008&rows=15&start=5`, true],
  ['ODS GeoJSON, a field query', `/api/records/1.0/search?${D}&q=annee_tournage%3E%3D2019&format=geojson&rows=10`, true],
  ['ODS JSON, fields chosen (records read from _source)', `/api/records/1.0/search?${D}&q=paris&fields=nom_tournage,annee_tournage&facet=type_tournage&rows=10`, true],
  ['OGC API items, a bbox', '/ogc/collections/lieux-de-tournage-a-paris/items?bbox=2.28,48.83,2.41,48.89&limit=10', true],
  ['ODS JSON, a bbox in date order, no facet', `/api/records/1.0/search?${D}&geofilter.bbox=48.83,2.28,48.89,2.41&sort=-date_debut&rows=10`, true],
  ['CKAN datastore_search, filtered (in line order)', '/api/3/action/datastore_search?resource_id=lieux-de-tournage-a-paris&limit=10&filters=%7B%22type_tournage%22%3A%22S%C3%A9rie%20TV%22%7D', true],
  // Every record, without a post-filter: Elasticsearch counts it from its statistics, one search either way.
  ['ODS JSON, every record, no facet', `/api/records/1.0/search?${D}&rows=10`, false],
  ['ODS JSON, every record in date order, no facet', `/api/records/1.0/search?${D}&sort=-date_debut&rows=10`, false],
  ['OGC API items, no filter', '/ogc/collections/lieux-de-tournage-a-paris/items?limit=10', false],
];

describe('the pages of a large dataset: its counts and total searched apart, the same bytes as one search gives', () => {
  test.each(PAGES)('%s', async (_name, path, split) => {
    const small = app(false), large = app(true);
    const one = await bodyOf(request(small.app).get(path));
    const apart = await bodyOf(request(large.app).get(path));
    expect(apart.text).toBe(one.text);
    expect(apart.etag).toBe(one.etag);
    // The small dataset's page is one search; the large one's an _msearch and nothing else, or the same one search.
    expect(small.calls).toEqual({ search: 1, msearch: 0 });
    expect(large.calls).toEqual(split ? { search: 0, msearch: 1 } : { search: 1, msearch: 0 });
    // Each page holds what it asked for (GeoJSON shows no total).
    const shown = JSON.parse(one.text) as { nhits?: number; numberMatched?: number; result?: { total: number }; features?: unknown[] };
    expect(shown.nhits ?? shown.numberMatched ?? shown.result?.total ?? shown.features?.length).toBeGreaterThanOrEqual(10);
  });
});
