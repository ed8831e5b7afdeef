import type { Access } from '../auth/access';
import { compileGeoGrid, compileGeoProbe, MAX_CLUSTER_CELLS } from '../compile/compileGeo';
import { AppError } from '../errors/catalogue';
import type { Deps } from '../execute/deps';
import { searchIndex } from '../execute/searchIndex';
import { tileOf } from '../geo/webMercator';
import type { Cluster, GeoPlan } from '../model/geo';
import type { GeoRequest } from '../model/recordsRequest';
import { planGeo } from '../plan/planGeo';
import { mergeClusters } from '../results/mergeClusters';
import { GeoBounds, readGeoCells, readGeoProbe } from '../results/readGeo';
import { resolveDataset } from './resolveDataset';

/** The grid cells the data can fill at a precision: the tiles under its bounds, at most one per record. A 400 above the limit. */
function checkCellCount(bounds: GeoBounds, total: number, precision: number): void {
  const [x0, y0] = tileOf(bounds.top_left.lat, bounds.top_left.lon, precision);
  const [x1, y1] = tileOf(bounds.bottom_right.lat, bounds.bottom_right.lon, precision);
  const cells = Math.min((Math.abs(x1 - x0) + 1) * (Math.abs(y1 - y0) + 1), total);
  if (cells > MAX_CLUSTER_CELLS) {
    throw new AppError('bad_parameter', `This map would have up to ${cells} clusters (limit ${MAX_CLUSTER_CELLS}): lower clusterprecision or shapeprecision, or filter to the visible area.`, { parameter: 'clusterprecision' });
  }
}

/**
 * geocluster: clusters of the matching records at a zoom level. A probe reads the records' bounds
 * and count (to check the cells the grid can fill against the limit), then a geotile grid, read
 * `pageSize` cells at a time, gives each cell's centroid, bounds and series, and cells closer than
 * `clusterdistance` pixels merge.
 */
export async function runGeocluster(deps: Deps, access: Access, req: GeoRequest, now: number, pageSize: number): Promise<{ plan: GeoPlan; zoom: number; clusters: Cluster[] }> {
  const plan = planGeo(req, await resolveDataset(deps, access, req.dataset), now);
  const zoom = req.clusterprecision!;
  const precision = Math.min(29, zoom + req.shapeprecision);
  const probe = readGeoProbe(await searchIndex(deps, compileGeoProbe(plan)));
  if (!probe.bounds) return { plan, zoom, clusters: [] };
  checkCellCount(probe.bounds, probe.total, precision);
  // The grid in pages of `pageSize` cells: no answer of Elasticsearch is larger than one page.
  const cells: Cluster[] = [];
  let after: Record<string, unknown> | undefined;
  do {
    const page = readGeoCells(await searchIndex(deps, compileGeoGrid(plan, precision, pageSize, after)), plan.series, pageSize);
    for (const c of page.cells) cells.push(c);
    after = page.after;
  } while (after);
  return { plan, zoom, clusters: mergeClusters(cells, zoom, req.clusterdistance) };
}
