/**
 * bench/catalog: five catalog searches with facets on a 10,000-entry catalog
 * (bench/syntheticCatalog.ts): three through the ODS catalog search, two through CKAN's
 * package_search. Each runs through our HTTP endpoint and as the same Elasticsearch request the
 * API sends, made directly with the client (`directSearch`: the same query, page and `_source`, a
 * page with facets as an `_msearch` of its hits and its counts, parsed by the client),
 * sequentially and with 32 concurrent connections, the two interleaved; p50, p95, throughput and
 * the ratios.
 *   npm run bench:catalog            (BENCH_CATALOG=2000 for a smaller catalog; BENCH_SEQUENTIAL,
 *                                     BENCH_CONCURRENT: calls per side, 200 and 1000)
 */
import type { SearchRequest } from '@elastic/elasticsearch/lib/api/types';
import { anonymous } from '../src/auth/access';
import { compileSearch } from '../src/compile/compileSearch';
import { loadConfig } from '../src/config/config';
import type { Deps } from '../src/execute/deps';
import { openDeps } from '../src/execute/openDeps';
import { resolveDomain } from '../src/usecases/resolveDataset';
import { catalogAlias } from '../src/schema/indexNames';
import { catalogSearchParams } from '../src/dialects/ods-v1/catalogSearchParams';
import { packageSearchParams } from '../src/dialects/ckan/packageSearchParams';
import { ParamReader } from '../src/dialects/shared/paramReader';
import { readQueryString } from '../src/dialects/shared/rawParams';
import { planCatalogSearch } from '../src/plan/planCatalogSearch';
import { planPackageSearch } from '../src/plan/planPackageSearch';
import { directSearch, HEADER, startApi } from './harness';
import { compareInterleaved } from './interleaved';
import { ensureSyntheticCatalog } from './syntheticCatalog';
import { cpuMeter } from './cpuMeter';

/** Calls per side: BENCH_SEQUENTIAL one at a time, BENCH_CONCURRENT over 32 connections. */
const SEQUENTIAL = Number(process.env.BENCH_SEQUENTIAL ?? 200), CONCURRENT_TOTAL = Number(process.env.BENCH_CONCURRENT ?? 1000);

type Family = 'ods' | 'ckan';
const REQUESTS: Array<[string, Family, Record<string, string>]> = [
  ['ODS: q + 3 facets, rows=10', 'ods', { q: 'paris', facet: 'theme,publisher,keyword', rows: '10' }],
  ['ODS: refine theme + modified hierarchy + publisher, sort=modified, rows=10', 'ods', { 'refine.theme': 'Mobilité et Espace Public', facet: 'modified,publisher', 'refine.modified': '2023', sort: 'modified', rows: '10' }],
  ['ODS: disjunctive themes + exclude + 4 facets, rows=20', 'ods', { 'refine.theme': ['Environnement', 'Urbanisme et Logements'].join('\u0000'), 'disjunctive.theme': 'true', 'exclude.license': 'Open Database License (ODbL)', facet: 'theme,publisher,license,keyword', rows: '20' }],
  ['CKAN: q + facet.field organization/tags/groups, rows=10', 'ckan', { q: 'velo', 'facet.field': '["organization","tags","groups"]', rows: '10' }],
  ['CKAN: fq organization + groups, sort metadata_modified desc, rows=50', 'ckan', { fq: 'organization:direction-de-la-voirie-et-des-deplacements-ville-de-paris OR groups:environnement', 'facet.field': '["tags","license_id"]', sort: 'metadata_modified desc', rows: '50' }],
];

/** The query string, with repeated parameters for values joined by NUL above. */
const queryOf = (params: Record<string, string>): string =>
  new URLSearchParams(Object.entries(params).flatMap(([k, v]) => v.split('\u0000').map((x): [string, string] => [k, x]))).toString();

async function directBody(deps: Deps, domain: string, family: Family, qs: string): Promise<SearchRequest> {
  const reader = new ParamReader(readQueryString(qs));
  const scope = await resolveDomain(deps, domain);
  const index = catalogAlias(deps.indexPrefix);
  if (family === 'ods') return compileSearch(planCatalogSearch(catalogSearchParams(reader), scope, anonymous(domain), index, Date.now()));
  return compileSearch(planPackageSearch(packageSearchParams(reader), scope, anonymous(domain), index, Date.now()).search);
}

async function main(): Promise<void> {
  const env = { ...process.env, ES_INDEX_PREFIX: process.env.ES_INDEX_PREFIX || 'bench-' };
  const deps = await openDeps(loadConfig(env));
  const lines = [HEADER];
  try {
    const domain = await ensureSyntheticCatalog(deps, Number(process.env.BENCH_CATALOG ?? 10_000));
    const api = await startApi(env);
    const meter = await cpuMeter(deps.es, api.pid);
    try {
      for (const [name, family, params] of REQUESTS) {
        const qs = queryOf(params);
        const body = await directBody(deps, domain, family, qs);
        const path = family === 'ods' ? `/${domain}/api2/datasets/search?${qs}` : `/${domain}/api/3/action/package_search?${qs}`;
        lines.push(...await compareInterleaved(`catalog\t${name}`, () => api.get(path), () => directSearch(deps, body), SEQUENTIAL, CONCURRENT_TOTAL, meter));
      }
    } finally {
      api.stop();
    }
  } finally {
    await deps.close();
  }
  console.log(lines.join('\n'));
}

main().catch((err: unknown) => { console.error(err); process.exitCode = 1; });
