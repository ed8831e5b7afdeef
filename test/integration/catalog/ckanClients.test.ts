import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import CkanRequest, { CkanRequestError } from '@portaljs/ckan-api-client-js';
import type { Deps } from '../../../src/execute/deps';
import { createApiKey } from '../../../src/execute/apiKeyStore';
import { createHttpServer } from '../../../src/http/httpServer';
import { ensureParisDomain, PARIS_DOMAIN_ENTRIES } from '../../support/parisCatalog';
import { hasWordStarting } from '../../support/rawText';
import { testApp } from '../../support/recordsApp';
import { openTestDeps } from '../../support/testDeps';
import { publishTinyCsv } from '../../support/tinyDataset';

// The npm `ckan` client (okfn/ckan.js), unmodified: it POSTs JSON to <endpoint>/api/3/action/<name>
// and sends its key as X-CKAN-API-KEY.
interface Envelope<T> { success: boolean; result: T; error?: { __type: string } }
// eslint-disable-next-line @typescript-eslint/no-require-imports
const CKAN = require('ckan') as { Client: new (endpoint: string, apiKey?: string) => { action<T>(name: string, data: object, cb: (err: unknown, out: Envelope<T>) => void): void } };

interface Package { name: string; title: string; organization: { title: string } | null; private: boolean }
interface SearchResult { count: number; results: Package[]; search_facets: Record<string, { items: Array<{ name: string; display_name: string; count: number }> }> }

let deps: Deps & { close(): Promise<void> };
let server: Server;
let base: string;
let key: string;
const paris = PARIS_DOMAIN_ENTRIES;

beforeAll(async () => {
  deps = await openTestDeps();
  await ensureParisDomain(deps);
  await publishTinyCsv(deps, 'paris-clients-private', [{ name: 'nom', type: 'text' }], [['a']], { domain: 'paris', visibility: 'private', metadata: { publisher: 'Ville de Paris' } });
  key = (await createApiKey(deps.pool, 'paris', 'ckan clients')).key;
  server = createHttpServer(testApp(deps)).listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/paris`;
}, 600000);
afterAll(async () => { server.close(); await deps.close(); });

const viaCkanJs = <T>(name: string, data: object, apiKey?: string): Promise<Envelope<T>> =>
  new Promise((resolve, reject) => new CKAN.Client(base, apiKey).action<T>(name, data, (err, out) => (err ? reject(new Error(String(err))) : resolve(out))));
const publisherCount = (p: string) => paris.filter((e) => e.m.publisher === p).length;

describe('real CKAN clients from npm, unmodified, against /paris/api/3/action', () => {
  test('ckan (okfn ckan.js): package_search with q, fq, facet.field as a list, rows; package_show', async () => {
    const all = await viaCkanJs<SearchResult>('package_search', { rows: 3, 'facet.field': ['organization'], 'facet.limit': -1 });
    expect([all.success, all.result.count, all.result.results.length]).toEqual([true, paris.length, 3]);
    const top = [...all.result.search_facets.organization.items].sort((a, b) => b.count - a.count)[0];
    expect(top.count).toBe(publisherCount(top.display_name));
    const one = await viaCkanJs<SearchResult>('package_search', { fq: `organization:${top.name}`, rows: 1000 });
    expect([one.result.count, one.result.results.every((p) => p.organization?.title === top.display_name)]).toEqual([publisherCount(top.display_name), true]);
    const show = await viaCkanJs<Package>('package_show', { id: one.result.results[0].name });
    expect([show.success, show.result.name, show.result.organization?.title]).toEqual([true, one.result.results[0].name, top.display_name]);
    await expect(viaCkanJs('package_show', { id: 'no-such-package' })).rejects.toThrow(/HTTP code 404/);
  });

  test('ckan.js with an API key of the domain sees its private dataset when it asks for it', async () => {
    const anonymous = await viaCkanJs<SearchResult>('package_search', { q: 'name:paris-clients-private', include_private: true });
    const withKey = await viaCkanJs<SearchResult>('package_search', { q: 'name:paris-clients-private', include_private: true }, key);
    expect([anonymous.result.count, withKey.result.count, withKey.result.results[0].private]).toEqual([0, 1, true]);
  });

  test('@portaljs/ckan-api-client-js: GET and POST package_search, package_show, its error type', async () => {
    const got = await CkanRequest.get<Envelope<SearchResult>>('package_search?rows=2&facet.field=["tags"]&facet.limit=5', { ckanUrl: base });
    expect([got.success, got.result.count, got.result.results.length, got.result.search_facets.tags.items.length]).toEqual([true, paris.length, 2, 5]);
    const posted = await CkanRequest.post<Envelope<SearchResult>>('package_search', { ckanUrl: base, json: { q: 'title:velo', rows: 0 } });
    // The domain's entries whose title has a word starting with velo (its private dataset is not among them).
    expect(posted.result.count).toBe(PARIS_DOMAIN_ENTRIES.filter((e) => hasWordStarting(e.m.title, 'velo')).length);
    const shown = await CkanRequest.get<Envelope<Package>>('package_show?id=paris-clients-private', { ckanUrl: base, apiKey: key });
    expect([shown.result.name, shown.result.private]).toEqual(['paris-clients-private', true]);
    const quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      await expect(CkanRequest.get('package_show?id=paris-clients-private', { ckanUrl: base })).rejects.toThrow(new CkanRequestError({ help: '', success: false, error: { __type: 'Not Found Error', message: 'Not found' } } as never));
      await expect(CkanRequest.get('package_search?rows=-1', { ckanUrl: base })).rejects.toThrow('Validation error: "message": Must be a natural number "rows": Must be a natural number');
    } finally { quiet.mockRestore(); }
  });
});
