/**
 * bench/memory: the API's peak RSS on each of its largest public answers, one request at a time:
 * catalog pages, exports and listings over a 10,000-entry catalog (bench/syntheticCatalog.ts), and
 * the largest pages, downloads and maps of communes-france (35,357 polygons) and
 * lieux-de-tournage. Before each request the peak (VmHWM) is reset to the RSS of the moment, which
 * is printed too: a request's own weight is the difference. Any answer but a complete 200 stops
 * the bench. Then each route again, as `BENCH_CONCURRENCY` (4) requests sent at once: what a few
 * callers asking for the same large answer cost together. Prints the routes whose peak passes
 * 200 MB (issue 18's bound for an export) last, one at a time and at once apart.
 *   npm run bench:memory      (BENCH_CATALOG sets the catalog's size, BENCH_CONCURRENCY=1 skips the second pass)
 */
import { loadConfig } from '../src/config/config';
import { openDeps } from '../src/execute/openDeps';
import { download, ensureFixture, peakRssMb, resetPeak, rssMb, startApi } from './harness';
import { ensureSyntheticCatalog } from './syntheticCatalog';

/** The bound the summary names: issue 18's for any export. */
const BOUND_MB = 200;

const routes = (catalog: string): Array<[string, string]> => [
  ['catalog page, rows=10000, JSON', `/${catalog}/api2/datasets/search?rows=10000&facet=theme`],
  ['catalog page, rows=10000, CSV', `/${catalog}/api2/datasets/search?rows=10000&format=csv`],
  ['catalog page, rows=10000, RSS', `/${catalog}/api2/datasets/search?rows=10000&format=rss`],
  ['catalog page, rows=10000, Atom', `/${catalog}/api2/datasets/search?rows=10000&format=atom`],
  ['DCAT-AP catalog, Turtle', `/${catalog}/api/v2/catalog/exports/dcat.ttl`],
  ['DCAT-AP catalog, JSON-LD', `/${catalog}/api/v2/catalog/exports/dcat.jsonld`],
  ['DCAT-AP catalog, RDF/XML', `/${catalog}/api/v2/catalog/exports/dcat.rdf`],
  ['OGC collections', `/${catalog}/ogc/collections`],
  ['CKAN package_search, rows=1000', `/${catalog}/api/3/action/package_search?rows=1000`],
  ['d4c datasets 2.0 search, rows=1000', `/${catalog}/api/datasets/2.0/search?rows=1000`],
  ['CKAN _table_metadata', '/api/3/action/datastore_search?resource_id=_table_metadata'],
  ['records page, communes, rows=10000', '/api/records/1.0/search/?dataset=communes-france&rows=10000'],
  ['records page, communes, rows=10000, GeoJSON', '/api/records/1.0/search/?dataset=communes-france&rows=10000&format=geojson'],
  ['download, communes, GeoJSON', '/api/records/1.0/download/?dataset=communes-france&format=geojson'],
  ['download, communes, CSV', '/api/records/1.0/download/?dataset=communes-france&format=csv'],
  ['DataStore, communes, limit=32000', '/api/3/action/datastore_search?resource_id=communes-france&limit=32000'],
  ['OGC items, communes, limit=10000', '/ogc/collections/communes-france/items?limit=10000'],
  ['geopreview, communes, rows=10000', '/api/records/1.0/geopreview/?dataset=communes-france&rows=10000&clusterprecision=5'],
  ['geocluster, lieux, precision 12', '/api/records/1.0/geocluster/?dataset=lieux-de-tournage-a-paris&clusterprecision=12'],
  ['analyze, lieux, count by year', '/api/records/1.0/analyze/?dataset=lieux-de-tournage-a-paris&x=annee_tournage&y.n.func=COUNT'],
];

async function main(): Promise<void> {
  const env = { ...process.env, ES_INDEX_PREFIX: process.env.ES_INDEX_PREFIX || 'bench-' };
  const deps = await openDeps(loadConfig(env));
  const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 4);
  const lines = ['request\tat once\tbytes each\tseconds\tRSS before MB\tpeak RSS MB'];
  const over: string[] = [];
  try {
    const catalog = await ensureSyntheticCatalog(deps, Number(process.env.BENCH_CATALOG ?? 10_000));
    for (const id of ['communes-france', 'lieux-de-tournage-a-paris']) await ensureFixture(deps, id);
    const api = await startApi(env);
    try {
      lines.push(`(idle)\t\t\t\t${rssMb(api.pid)?.toFixed(0) ?? '?'}\t`);
      for (const atOnce of concurrency > 1 ? [1, concurrency] : [1]) {
        for (const [name, path] of routes(catalog)) {
          const before = rssMb(api.pid);
          resetPeak(api.pid);
          const t = performance.now();
          const answers = await Promise.all(Array.from({ length: atOnce }, () => download(api, path)));
          const peak = peakRssMb(api.pid);
          lines.push([name, atOnce, answers[0].bytes, ((performance.now() - t) / 1000).toFixed(2), before?.toFixed(0) ?? '?', peak?.toFixed(0) ?? '?'].join('\t'));
          console.error(lines[lines.length - 1]);
          if (peak !== undefined && peak > BOUND_MB) over.push(`${name}, ${atOnce} at once (${peak.toFixed(0)} MB)`);
        }
      }
    } finally {
      api.stop();
    }
  } finally {
    await deps.close();
  }
  console.log(lines.join('\n'));
  console.log(over.length === 0 ? `every peak within ${BOUND_MB} MB` : `over ${BOUND_MB} MB: ${over.join('; ')}`);
}

main().catch((err: unknown) => { console.error(err); process.exitCode = 1; });
