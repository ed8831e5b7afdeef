/**
 * bench/analyze: analyze and geocluster on lieux-de-tournage-a-paris and its 1,000,000-record
 * synthetic copy, through our endpoints and as the same Elasticsearch aggregation sent directly
 * (the composite aggregation read page by page; the geotile grid), sequentially and with 32
 * connections, the two sides taking turns (bench/interleaved.ts, as bench:search).
 *   npm run bench:analyze
 */
import { anonymous } from '../src/auth/access';
import { compositeSources, seriesAggs } from '../src/compile/analyzeAggs';
import { planAnalyze } from '../src/plan/planAnalyze';
import { compilePredicate } from '../src/compile/compilePredicate';
import type { Deps } from '../src/execute/deps';
import { resolveDataset } from '../src/usecases/resolveDataset';
import { analyzeWithIndexKeys } from '../src/usecases/withIndexKeys';
import { planGeo } from '../src/plan/planGeo';
import { analyzeParams } from '../src/dialects/ods-v1/analyzeParams';
import { geoParams } from '../src/dialects/ods-v1/geoParams';
import { ParamReader } from '../src/dialects/shared/paramReader';
import { readQueryString } from '../src/dialects/shared/rawParams';
import { runBench } from './harness';
import { compareInterleaved } from './interleaved';

const SEQUENTIAL = 100, CONCURRENT_TOTAL = 300;

const ANALYZE: Array<[string, Record<string, string>]> = [
  ['analyze COUNT + AVG by year', { x: 'annee_tournage', 'y.n.func': 'COUNT', 'y.a.func': 'AVG', 'y.a.expr': 'coord_x' }],
  ['analyze COUNT by month (date histogram)', { x: 'date_debut', precision: 'month', 'y.n.func': 'COUNT' }],
  ['analyze SUM by type, refined', { x: 'type_tournage', 'y.s.func': 'SUM', 'y.s.expr': 'annee_tournage', 'refine.ardt_lieu': '75018' }],
];
const GEOCLUSTER: Array<[string, Record<string, string>]> = [
  ['geocluster zoom 12, distance 50', { clusterprecision: '12', clusterdistance: '50' }],
  ['geocluster zoom 6 + SUM series', { clusterprecision: '6', clusterdistance: '50', 'y.s.func': 'SUM', 'y.s.expr': 'annee_tournage' }],
];

/** The composite aggregation of an analyze, sent straight to Elasticsearch and read to the end. */
async function directAnalyze(deps: Deps, qs: string): Promise<() => Promise<void>> {
  const req = analyzeParams(new ParamReader(readQueryString(qs)));
  const plan = await analyzeWithIndexKeys(deps, planAnalyze(req, await resolveDataset(deps, anonymous('default'), req.dataset), Date.now()));
  const query = compilePredicate(plan.query);
  return async () => {
    let after: Record<string, string> | undefined;
    for (;;) {
      const res = await deps.es.search({ index: plan.index, size: 0, query, aggs: { points: { composite: { size: 2000, sources: compositeSources(plan), ...(after ? { after } : {}) }, aggs: seriesAggs(plan) } } });
      const points = res.aggregations?.points as { buckets: unknown[]; after_key?: Record<string, string> };
      if (points.buckets.length < 2000 || !points.after_key) return;
      after = points.after_key;
    }
  };
}

/** The geotile grid of a geocluster, sent straight to Elasticsearch. */
async function directGeocluster(deps: Deps, qs: string): Promise<() => Promise<void>> {
  const req = geoParams(new ParamReader(readQueryString(qs)), true);
  const plan = planGeo(req, await resolveDataset(deps, anonymous('default'), req.dataset), Date.now());
  const path = `v.${plan.geoField}`;
  const series = Object.fromEntries(plan.series.filter((s) => s.field).map((s) => [`s_${s.name}`, { extended_stats: { field: `v.${s.field}` } }]));
  const body = {
    index: plan.index, size: 0, query: compilePredicate(plan.query),
    aggs: { grid: { geotile_grid: { field: path, precision: req.clusterprecision! + req.shapeprecision, size: 65536 }, aggs: { centroid: { geo_centroid: { field: path } }, bounds: { geo_bounds: { field: path } }, ...series } } },
  };
  return async () => { await deps.es.search(body); };
}

async function main(): Promise<void> {
  await runBench(async (deps, api, dataset, meter) => {
    const lines: string[] = [];
    for (const [name, params] of ANALYZE) {
      const qs = new URLSearchParams({ dataset, ...params }).toString();
      lines.push(...await compareInterleaved(`${dataset}\t${name}`, () => api.get(`/api/records/1.0/analyze?${qs}`), await directAnalyze(deps, qs), SEQUENTIAL, CONCURRENT_TOTAL, meter));
    }
    for (const [name, params] of GEOCLUSTER) {
      const qs = new URLSearchParams({ dataset, ...params }).toString();
      lines.push(...await compareInterleaved(`${dataset}\t${name}`, () => api.get(`/api/records/1.0/geocluster?${qs}`), await directGeocluster(deps, qs), SEQUENTIAL, CONCURRENT_TOTAL, meter));
    }
    return lines;
  });
}

main().catch((err: unknown) => { console.error(err); process.exitCode = 1; });
