/**
 * bench/peers: our records search next to Searchkit (`@searchkit/api`, its requests made by
 * InstantSearch's `algoliasearch-helper`) on the same lieux-de-tournage index, both behind HTTP in
 * their own processes. Four page shapes, each at 10 and at 1,000 values per facet. First both
 * sides must give the same hit counts and facet counts (else it stops, non-zero). Then, with
 * Elasticsearch's request cache on and off: Elasticsearch searches and requests per page, response
 * bytes, p50/p95 and throughput at 8 connections, and the ratio last. Each side is warmed, then
 * the two take turns in blocks of 100 calls (bench/interleaved.ts), so that both meet the same
 * moments of the machine's load.
 *   npm run bench:peers          (each side makes PEERS_TOTAL × PEERS_ROUNDS calls a line: 400 × 2)
 */
import { fork } from 'node:child_process';
import { Agent, request as httpRequest } from 'node:http';
import { join } from 'node:path';
import algoliasearchHelper from 'algoliasearch-helper';
import type { PlainSearchParameters } from 'algoliasearch-helper';
import { anonymous } from '../src/auth/access';
import { compileSearch } from '../src/compile/compileSearch';
import { loadConfig } from '../src/config/config';
import { ParamReader } from '../src/dialects/shared/paramReader';
import { readQueryString } from '../src/dialects/shared/rawParams';
import { recordsSearchParams } from '../src/dialects/ods-v1/recordsSearchParams';
import type { Deps } from '../src/execute/deps';
import { openDeps } from '../src/execute/openDeps';
import { planRecordsSearch } from '../src/plan/planRecordsSearch';
import { recordsAlias } from '../src/schema/indexNames';
import { resolveDataset } from '../src/usecases/resolveDataset';
import { ensureSource, requestCache, SOURCE, startApi, warmUp } from './harness';
import { alternate, BLOCK } from './interleaved';

const CONNECTIONS = 8;
const TOTAL = Number(process.env.PEERS_TOTAL ?? 400);
const ROUNDS = Number(process.env.PEERS_ROUNDS ?? 2);
const SIZES = [10, 1000];
const FLAT = ['type_tournage', 'nom_realisateur', 'ardt_lieu'];

/** One page shape, as our query string and as InstantSearch's state, at `n` values per facet. */
interface Shape { name: string; ours(n: number): Record<string, string | string[]>; theirs(n: number): PlainSearchParameters; text?: string }
const limits = (fields: string[], n: number) => Object.fromEntries(fields.map((f) => [`facetlimit.${f}`, String(n)]));
const SHAPES: Shape[] = [
  {
    name: 'free text + 3 refinement lists', text: 'rue',
    ours: (n) => ({ q: 'rue', facet: FLAT, rows: '10', ...limits(FLAT, n) }),
    theirs: (n) => ({ query: 'rue', facets: FLAT, hitsPerPage: 10, maxValuesPerFacet: n }),
  },
  {
    name: '2 disjunctive values + 1 conjunctive',
    ours: (n) => ({ facet: FLAT, 'refine.type_tournage': ['Série TV', 'Téléfilm'], 'disjunctive.type_tournage': 'true', 'refine.ardt_lieu': '75013', rows: '10', ...limits(FLAT, n) }),
    theirs: (n) => ({
      disjunctiveFacets: ['type_tournage'], facets: ['nom_realisateur', 'ardt_lieu'], hitsPerPage: 10, maxValuesPerFacet: n,
      disjunctiveFacetsRefinements: { type_tournage: ['Série TV', 'Téléfilm'] }, facetsRefinements: { ardt_lieu: ['75013'] },
    }),
  },
  {
    name: 'date hierarchy, a year selected',
    ours: (n) => ({ facet: 'date_debut', 'refine.date_debut': '2019', rows: '10', ...limits(['date_debut'], n) }),
    theirs: (n) => ({
      hierarchicalFacets: [{ name: 'date_year', attributes: ['date_year', 'date_month'], separator: ' > ' }],
      hierarchicalFacetsRefinements: { date_year: ['2019'] }, hitsPerPage: 10, maxValuesPerFacet: n,
    }),
  },
  {
    name: 'match all, 100 hits',
    ours: (n) => ({ facet: FLAT, rows: '100', ...limits(FLAT, n) }),
    theirs: (n) => ({ facets: FLAT, hitsPerPage: 100, maxValuesPerFacet: n }),
  },
];

const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS });
/** Requests sent again because a kept-alive socket was closed under them (printed at the end). */
let resent = 0;
const http = (port: number, path: string, body?: string): Promise<string> =>
  once(port, path, body).catch((err: unknown) => {
    if ((err as { code?: string }).code !== 'ECONNRESET') throw err;
    resent += 1;
    return once(port, path, body);
  });
function once(port: number, path: string, body?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, agent, method: body === undefined ? 'GET' : 'POST', headers: body === undefined ? {} : { 'content-type': 'application/json' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => { const text = Buffer.concat(chunks).toString('utf8'); if (res.statusCode === 200) resolve(text); else reject(new Error(`${res.statusCode} ${text.slice(0, 300)}`)); });
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** The requests InstantSearch would send for a state: the helper's own, caught from its client. */
function instantSearchRequests(index: string, state: PlainSearchParameters): unknown[] {
  let caught: unknown[] = [];
  const client = { search: (requests: unknown[]) => { caught = requests; return new Promise(() => undefined); } };
  algoliasearchHelper(client as never, index, state).search();
  return caught;
}

/** One InstantSearch result as Searchkit answers it: what the bench reads. */
interface SearchResponse { nbHits: number; facets?: Record<string, Record<string, number>> }
interface OdsPage { nhits: number; facet_groups?: Array<{ name: string; facets: Array<{ path: string; count: number; facets?: Array<{ path: string; count: number }> }> }> }
type Counts = Array<[string, number]>;
const byBytes = (a: string, b: string): number => Buffer.compare(Buffer.from(a), Buffer.from(b));
const ranked = (m: Record<string, number>): Counts => Object.entries(m).sort(([a, x], [b, y]) => y - x || byBytes(a, b));

/** Hit count and, per facet, the values and counts each side shows (theirs cut to n, as ours). */
function sides(ours: OdsPage, theirs: { results: Array<SearchResponse> }, state: PlainSearchParameters, n: number): Record<string, [unknown, unknown]> {
  const read = new algoliasearchHelper.SearchResults(new algoliasearchHelper.SearchParameters(state), theirs.results as never);
  const out: Record<string, [unknown, unknown]> = { nhits: [ours.nhits, read.nbHits] };
  for (const g of ours.facet_groups ?? []) {
    if (g.name === 'date_debut') {
      const year = g.facets.find((f) => f.path === '2019');
      const months = (theirs.results[0].facets?.date_month ?? {}) as Record<string, number>;
      out['date_debut 2019'] = [year?.count, theirs.results[0].facets?.date_year?.['2019']];
      out['date_debut 2019 months'] = [(year?.facets ?? []).map((m) => [m.path, m.count]), ranked(Object.fromEntries(Object.entries(months).map(([k, v]) => [k.replace(' > ', '/'), v]))).slice(0, n)];
    } else {
      out[g.name] = [g.facets.map((f) => [f.path, f.count]), ranked((read.getFacetByName(g.name)?.data ?? {}) as Record<string, number>).slice(0, n)];
    }
  }
  return out;
}

const searchesOf = async (deps: Deps, index: string): Promise<number> =>
  (await deps.es.indices.stats({ index, metric: 'search' }))._all.primaries?.search?.query_total ?? 0;

/** Elasticsearch requests our API has made so far (its /metrics): an `_msearch` counts once. */
const esRequestsOf = async (port: number): Promise<number> => (await http(port, '/metrics')).split('\n')
  .filter((l) => l.startsWith('portal_search_elasticsearch_request_duration_seconds_count'))
  .reduce((sum, l) => sum + Number(l.slice(l.lastIndexOf(' ') + 1)), 0);

async function main(): Promise<void> {
  const env = { ...process.env, ES_INDEX_PREFIX: process.env.ES_INDEX_PREFIX || 'bench-' };
  const config = loadConfig(env);
  const deps = await openDeps(config);
  await ensureSource(deps);
  const index = recordsAlias(env.ES_INDEX_PREFIX, SOURCE);
  const textClauses: Record<string, unknown> = {};
  for (const s of SHAPES.filter((x) => x.text !== undefined)) {
    const req = recordsSearchParams(new ParamReader(readQueryString(new URLSearchParams({ dataset: SOURCE, q: s.text! }).toString())));
    textClauses[s.text!] = compileSearch(planRecordsSearch(req, await resolveDataset(deps, anonymous('default'), req.dataset), Date.now())).query;
  }
  const api = await startApi(env);
  const peerPort = api.port + 1;
  const peer = fork(join(__dirname, 'searchkitServer.js'), [], { env: { PORT: String(peerPort), PEERS_CONFIG: JSON.stringify({ esUrl: config.esNodes[0], index, textClauses }) }, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  await new Promise((resolve) => peer.once('message', resolve));
  const lines = ['cache\tshape\tvalues\tES searches/page ours\ttheirs\tES requests/page ours\ttheirs\tbytes ours\ttheirs\tours p50 ms\ttheirs p50 ms\tours p95 ms\ttheirs p95 ms\tours req/s\ttheirs req/s\tthroughput ratio'];
  let failed = false;
  try {
    const cases = SHAPES.flatMap((shape) => SIZES.map((n) => {
      const state = { index, ...shape.theirs(n) };
      const body = JSON.stringify(instantSearchRequests(index, state));
      const path = `/api/records/1.0/search?${new URLSearchParams([['dataset', SOURCE], ...Object.entries(shape.ours(n)).flatMap(([k, v]) => (Array.isArray(v) ? v : [v]).map((x): [string, string] => [k, x]))]).toString()}`;
      return { shape, n, state, body, path };
    }));
    // Both sides must agree before anything is timed.
    for (const c of cases) {
      const ours = JSON.parse(await http(api.port, c.path)) as OdsPage;
      const theirs = JSON.parse(await http(peerPort, '/', c.body)) as { results: Array<SearchResponse> };
      for (const [what, [a, b]] of Object.entries(sides(ours, theirs, c.state, c.n))) {
        if (JSON.stringify(a) !== JSON.stringify(b)) { failed = true; console.error(`DIFFERENT: ${c.shape.name}, ${c.n} values, ${what}:\n  ours   ${JSON.stringify(a).slice(0, 400)}\n  theirs ${JSON.stringify(b).slice(0, 400)}`); }
      }
    }
    if (failed) throw new Error('portal-search and Searchkit disagree on hit or facet counts: nothing was measured');
    console.error('both sides agree on hit counts and facet counts for every shape and size');
    for (const cache of [false, true]) {
      await requestCache(deps, index, cache);
      for (const c of cases) {
        const perPage = async (run: () => Promise<unknown>): Promise<number> => {
          const before = await searchesOf(deps, index);
          for (let i = 0; i < 5; i++) await run();
          return ((await searchesOf(deps, index)) - before) / 5;
        };
        const oursRun = () => http(api.port, c.path), theirsRun = () => http(peerPort, '/', c.body);
        const oursBefore = await esRequestsOf(api.port);
        const oursSearches = await perPage(oursRun);
        const oursRequests = ((await esRequestsOf(api.port)) - oursBefore) / 5;
        const before = JSON.parse(await http(peerPort, '/counts')) as { requests: number };
        const theirsSearches = await perPage(theirsRun);
        const theirsRequests = ((JSON.parse(await http(peerPort, '/counts')) as { requests: number }).requests - before.requests) / 5;
        const bytes = [(await oursRun()).length, (await theirsRun()).length];
        const ours = async () => { await oursRun(); }, theirs = async () => { await theirsRun(); };
        await warmUp(ours, CONNECTIONS);
        await warmUp(theirs, CONNECTIONS);
        const [o, t] = await alternate([ours, theirs], TOTAL * ROUNDS, BLOCK, CONNECTIONS);
        const line = [cache ? 'on' : 'off', c.shape.name, c.n, oursSearches, theirsSearches, oursRequests, theirsRequests, bytes[0], bytes[1],
          o.p50.toFixed(2), t.p50.toFixed(2), o.p95.toFixed(2), t.p95.toFixed(2), o.perSecond.toFixed(0), t.perSecond.toFixed(0), (o.perSecond / t.perSecond).toFixed(2)].join('\t');
        console.error(line);
        lines.push(line);
      }
    }
  } finally {
    await requestCache(deps, index, true).catch(() => undefined);
    peer.kill('SIGTERM');
    api.stop();
    agent.destroy();
    await deps.close();
  }
  console.error(`requests sent again after a reset connection: ${resent}`);
  // The ratio is the last column of every line, and the table the last thing printed.
  console.log(lines.join('\n'));
}

main().catch((err: unknown) => { console.error(err); process.exitCode = 1; });
