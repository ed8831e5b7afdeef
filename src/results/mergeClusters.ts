import { merge } from '../values/accumulator';
import { pixelOf } from '../geo/webMercator';
import type { Cluster } from '../model/geo';

/**
 * Merges clusters whose centres are closer than `distance` pixels at `zoom` (ODS's
 * `clusterdistance`), the biggest absorbing its neighbours; a grid of `distance`-sized cells
 * keeps it linear. The merged centre is the records' weighted centroid.
 */
export function mergeClusters(clusters: Cluster[], zoom: number, distance: number): Cluster[] {
  if (distance <= 0) return clusters;
  const sorted = [...clusters].sort((a, b) => b.count - a.count);
  const grid = new Map<string, Array<{ c: Cluster; px: [number, number] }>>();
  const out: Cluster[] = [];
  for (const c of sorted) {
    const px = pixelOf(c.lat, c.lon, zoom);
    const [gx, gy] = [Math.floor(px[0] / distance), Math.floor(px[1] / distance)];
    const near = [-1, 0, 1].flatMap((dx) => [-1, 0, 1].flatMap((dy) => grid.get(`${gx + dx},${gy + dy}`) ?? []));
    const target = near.find((cand) => Math.hypot(cand.px[0] - px[0], cand.px[1] - px[1]) <= distance);
    if (!target) {
      const copy: Cluster = { ...c, bounds: [...c.bounds], accs: new Map([...c.accs].map(([k, a]) => [k, { ...a }])) };
      const entry = { c: copy, px };
      out.push(copy);
      grid.set(`${gx},${gy}`, [...(grid.get(`${gx},${gy}`) ?? []), entry]);
      continue;
    }
    const t = target.c;
    const n = t.count + c.count;
    t.lat = (t.lat * t.count + c.lat * c.count) / n;
    t.lon = (t.lon * t.count + c.lon * c.count) / n;
    t.count = n;
    t.bounds = [Math.min(t.bounds[0], c.bounds[0]), Math.min(t.bounds[1], c.bounds[1]), Math.max(t.bounds[2], c.bounds[2]), Math.max(t.bounds[3], c.bounds[3])];
    for (const [k, a] of c.accs) merge(t.accs.get(k)!, a);
  }
  return out;
}
