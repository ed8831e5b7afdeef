import { emptyAcc } from '../values/accumulator';
import { Acc } from '../model/analyze';
import { compilePredicate } from '../compile/compilePredicate';
import { AppError } from '../errors/catalogue';
import type { Cluster, GeoPlan } from '../model/geo';
import { tileOf } from '../geo/webMercator';
import type { Deps } from '../execute/deps';
import { fieldSeriesStats } from '../compile/analyzeAggs';
import { recordPaths } from '../schema/recordPaths';

/** Most grid cells one geocluster may read. */
export const MAX_CLUSTER_CELLS = 65_536;

interface Bounds { top_left: { lat: number; lon: number }; bottom_right: { lat: number; lon: number } }
interface Cell { key: string; doc_count: number; centroid: { location?: { lat: number; lon: number } }; bounds: { bounds?: Bounds }; [k: string]: unknown }
interface Stats { count: number; sum: number | null; min: number | null; max: number | null; sum_of_squares: number | null }


/**
 * Clusters of the matching records at a zoom level: a geotile grid on their points, each cell with
 * its records' centroid, bounds and series. Before that, the number of cells the data can fill
 * (tiles under its bounds, at most one per record) is checked against the limit.
 */
export async function runGeocluster(deps: Deps, plan: GeoPlan, zoom: number, shapePrecision: number): Promise<Cluster[]> {
  const query = compilePredicate(plan.query);
  const path = recordPaths.value(plan.geoField);
  const precision = Math.min(29, zoom + shapePrecision);
  const probe = await deps.es.search({ index: plan.index, size: 0, track_total_hits: true, query, aggs: { bounds: { geo_bounds: { field: path } } } });
  const b = (probe.aggregations?.bounds as { bounds?: Bounds } | undefined)?.bounds;
  if (!b) return [];
  const [x0, y0] = tileOf(b.top_left.lat, b.top_left.lon, precision);
  const [x1, y1] = tileOf(b.bottom_right.lat, b.bottom_right.lon, precision);
  const total = typeof probe.hits.total === 'number' ? probe.hits.total : probe.hits.total?.value ?? 0;
  const cells = Math.min((Math.abs(x1 - x0) + 1) * (Math.abs(y1 - y0) + 1), total);
  if (cells > MAX_CLUSTER_CELLS) {
    throw new AppError('bad_parameter', `This map would have up to ${cells} clusters (limit ${MAX_CLUSTER_CELLS}): lower clusterprecision or shapeprecision, or filter to the visible area.`, { parameter: 'clusterprecision' });
  }
  const res = await deps.es.search({
    index: plan.index, size: 0, query,
    aggs: { grid: { geotile_grid: { field: path, precision, size: MAX_CLUSTER_CELLS, shard_size: MAX_CLUSTER_CELLS }, aggs: { centroid: { geo_centroid: { field: path } }, bounds: { geo_bounds: { field: path } }, ...fieldSeriesStats(plan.series) } } },
  });
  const buckets = ((res.aggregations?.grid as { buckets?: Cell[] } | undefined)?.buckets ?? []);
  return buckets.filter((c) => c.centroid.location && c.bounds.bounds).map((c) => {
    const { top_left: tl, bottom_right: br } = c.bounds.bounds!;
    const accs = new Map<string, Acc>(plan.series.map((s) => {
      const st = c[`s_${s.name}`] as Stats | undefined;
      const acc = emptyAcc();
      acc.docs = c.doc_count;
      if (st && st.count > 0) Object.assign(acc, { n: st.count, sum: st.sum ?? 0, sumsq: st.sum_of_squares ?? 0, min: st.min ?? Infinity, max: st.max ?? -Infinity });
      return [s.name, acc];
    }));
    return { lat: c.centroid.location!.lat, lon: c.centroid.location!.lon, count: c.doc_count, bounds: [tl.lon, br.lat, br.lon, tl.lat], accs };
  });
}
