/**
 * bench/search: six representative records searches (q, three facets of which one disjunctive,
 * geofilters, rows=10 and rows=100) on lieux-de-tournage-a-paris and on its 1,000,000-record
 * synthetic copy (bench/syntheticDataset.ts), each through our HTTP endpoint and as the same
 * Elasticsearch request the API sends, made directly with the client (`directSearch`: a page with
 * facets is an `_msearch` of its hits and its counts), sequentially and with 32
 * concurrent connections, the two sides taking turns (bench/interleaved.ts). Until 2026-12-06 each
 * side was warmed and measured in its turn, ours first: the first side of a request met more of the
 * machine's warming (in four alternating rounds of the rows=100 page, 200 sequential calls a side:
 * ours 9.86 / direct 6.22 ms in the first round, ours first; then 6.64 / 4.43, 6.22 / 4.30 and
 * 6.49 / 4.18). Prints p50, p95 and throughput for both, and the ratios. Three OGC API
 * `items` requests (a page, a bbox, a CQL2 filter) are measured the same way, against the
 * `search_after` request the OGC dialect compiles. Then the first request's p50 at several
 * dataset sizes (bench/searchGrowth.ts).
 *   npm run bench:search            (BENCH_RECORDS=200000 for a smaller synthetic dataset,
 *                                    BENCH_GROWTH=10000,100000 for fewer sizes,
 *                                    BENCH_SEQUENTIAL=100 BENCH_CONCURRENT=300 for fewer requests,
 *                                    BENCH_REQUEST_CACHE=off for pages never asked for before)
 */
import { anonymous } from '../src/auth/access';
import { resolveDataset } from '../src/usecases/resolveDataset';
import { ParamReader } from '../src/dialects/shared/paramReader';
import { readQueryString } from '../src/dialects/shared/rawParams';
import { compileFeaturesPage } from '../src/compile/compileFeaturesPage';
import { ogcItemsParams } from '../src/dialects/ogc/ogcParams';
import { planFeatures } from '../src/plan/planFeatures';
import { directSearch, runBench } from './harness';
import { compareInterleaved } from './interleaved';
import { GROWTH_HEADER, growthSizes, searchGrowth } from './searchGrowth';
import { SEARCH_SHAPES, shapeSearch } from './searchShapes';

// Requests per measurement (BENCH_SEQUENTIAL, BENCH_CONCURRENT: fewer on a busy machine).
const SEQUENTIAL = Number(process.env.BENCH_SEQUENTIAL ?? 200), CONCURRENT_TOTAL = Number(process.env.BENCH_CONCURRENT ?? 1000);

const OGC_ITEMS: Array<[string, Record<string, string>]> = [
  ['OGC items, limit=10', { limit: '10' }],
  ['OGC items, bbox, limit=100', { bbox: '2.28,48.83,2.41,48.89', limit: '100' }],
  ['OGC items, CQL2 filter, limit=100', { filter: "annee_tournage >= 2019 AND type_tournage IN ('Série TV', 'Long métrage') AND adresse_lieu LIKE '%rue%'", limit: '100' }],
];

async function main(): Promise<void> {
  const sizes = growthSizes(process.env);
  await runBench(async (deps, api, dataset, meter) => {
    const lines: string[] = [];
    for (const [name, params] of SEARCH_SHAPES) {
      const { qs, body, recordsCount } = await shapeSearch(deps, dataset, params);
      lines.push(...await compareInterleaved(`${dataset}\t${name}`, () => api.get(`/api/records/1.0/search?${qs}`), () => directSearch(deps, body, recordsCount), SEQUENTIAL, CONCURRENT_TOTAL, meter));
    }
    for (const [name, params] of OGC_ITEMS) {
      const qs = new URLSearchParams(params).toString();
      const target = await resolveDataset(deps, anonymous('default'), { id: dataset });
      const p = ogcItemsParams(new ParamReader(readQueryString(qs)), dataset, target.schema);
      const body = compileFeaturesPage(planFeatures(p.request, target, Date.now()), p.request.after);
      lines.push(...await compareInterleaved(`${dataset}\t${name}`, () => api.get(`/ogc/collections/${dataset}/items?${qs}`), () => directSearch(deps, body, target.row.recordsCount), SEQUENTIAL, CONCURRENT_TOTAL, meter));
    }
    return lines;
  }, async (deps, api) => [GROWTH_HEADER, ...await searchGrowth(deps, api, SEARCH_SHAPES[0][0], SEARCH_SHAPES[0][1], sizes, SEQUENTIAL)]);
}

main().catch((err: unknown) => { console.error(err); process.exitCode = 1; });
