import { resultOf } from '../../values/accumulator';
import type { Series } from '../../model/analyze';
import type { Cluster } from '../../model/geo';

const range = (xs: number[]): { min: number; max: number } | undefined => (xs.length ? { min: Math.min(...xs), max: Math.max(...xs) } : undefined);

/** The geocluster answer (reference/ods-v1.md §2.7): each cluster's centre [lat, lon], count, shape and series; their ranges. */
export function geoclusterBody(clusters: Cluster[], series: Series[], zoom: number): { clusters: object[]; [member: string]: unknown } {
  const items = clusters.map((c) => {
    const [w, s, e, n] = c.bounds;
    const point = c.count === 1 || (w === e && s === n);
    const values = Object.fromEntries(series.map((x) => [x.name, resultOf(c.accs.get(x.name)!, x.func)]));
    return {
      cluster_center: [c.lat, c.lon],
      count: c.count,
      cluster: point ? { type: 'Point', coordinates: [c.lon, c.lat] } : { type: 'Polygon', coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]] },
      ...(series.length ? { series: values } : {}),
    };
  });
  const seriesRanges = Object.fromEntries(series.map((x) => [x.name, range(items.map((i) => (i.series as Record<string, number | null>)[x.name]).filter((v): v is number => v !== null))]));
  return {
    clusters: items,
    count: range(items.map((i) => i.count)) ?? { min: 0, max: 0 },
    ...(series.length ? { series: seriesRanges } : {}),
    clusterprecision: zoom,
  };
}
