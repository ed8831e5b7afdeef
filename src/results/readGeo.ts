import type { SearchHit, SearchResponse } from '@elastic/elasticsearch/lib/api/types';
import { createHash } from 'node:crypto';
import type { Acc, Series } from '../model/analyze';
import type { BoundingBox, Cluster, PreviewItem } from '../model/geo';
import type { RecordHit } from '../model/searchResult';
import type { Geometry } from '../model/values';
import { emptyAcc } from '../values/accumulator';
import { pixelDegrees, simplifyGeometry } from './simplifyGeometry';
import { totalHits } from './totalHits';
import { publishedFields } from '../index/storedShapes';

interface LatLonPoint { lat: number; lon: number }
/** `geo_bounds` as Elasticsearch answers it (absent when no record has a point). */
export interface GeoBounds { top_left: LatLonPoint; bottom_right: LatLonPoint }
interface Cell { key: { cell: string }; doc_count: number; centroid: { location?: LatLonPoint }; bounds: { bounds?: GeoBounds }; [k: string]: unknown }
interface Stats { count: number; sum: number | null; min: number | null; max: number | null; sum_of_squares: number | null }
interface BoundsAgg { bounds?: GeoBounds }

/** The probe of a geocluster: how many records match, and the bounds of their points. */
export function readGeoProbe(res: SearchResponse): { total: number; bounds?: GeoBounds } {
  const bounds = (res.aggregations?.bounds as BoundsAgg | undefined)?.bounds;
  return { total: totalHits(res), ...(bounds ? { bounds } : {}) };
}

/** One page of a geotile grid: its cells, and where the next page starts (none after the last). */
export interface GridPage { cells: Cluster[]; after?: Record<string, unknown> }

/** A page of the cells of a geotile grid: centroid, count, bounds `[w, s, e, n]` and each series' accumulated statistics. */
export function readGeoCells(res: SearchResponse, series: readonly Series[], pageSize: number): GridPage {
  const grid = res.aggregations?.grid as { buckets?: Cell[]; after_key?: Record<string, unknown> } | undefined;
  const buckets = grid?.buckets ?? [];
  const cells = buckets.filter((c) => c.centroid.location && c.bounds.bounds).map((c) => {
    const { top_left: tl, bottom_right: br } = c.bounds.bounds!;
    const accs = new Map<string, Acc>(series.map((s) => {
      const st = c[`s_${s.name}`] as Stats | undefined;
      const acc = emptyAcc();
      acc.docs = c.doc_count;
      if (st && st.count > 0) Object.assign(acc, { n: st.count, sum: st.sum ?? 0, sumsq: st.sum_of_squares ?? 0, min: st.min ?? Infinity, max: st.max ?? -Infinity });
      return [s.name, acc];
    }));
    return { lat: c.centroid.location!.lat, lon: c.centroid.location!.lon, count: c.doc_count, bounds: [tl.lon, br.lat, br.lon, tl.lat] as [number, number, number, number], accs };
  });
  return { cells, ...(buckets.length === pageSize && grid?.after_key ? { after: grid.after_key } : {}) };
}

/** The box around the matching records' points, `[west, south, east, north]`, and how many of each geometry type. */
export function readBoundingBox(res: SearchResponse): BoundingBox {
  const b = (res.aggregations?.bounds as BoundsAgg | undefined)?.bounds;
  const types = (res.aggregations?.types as { buckets?: Array<{ key: string; doc_count: number }> } | undefined)?.buckets ?? [];
  return {
    count: totalHits(res),
    bbox: b ? [b.top_left.lon, b.bottom_right.lat, b.bottom_right.lon, b.top_left.lat] : [],
    geometries: Object.fromEntries(types.map((t) => [t.key, t.doc_count])),
  };
}

/**
 * The geometries of a geopreview page: a shape when the dataset's geo field is one (simplified to
 * a pixel at the zoom when one is given), else the point; `geo_digest` identifies the geometry as stored.
 */
export function readGeopreview(res: SearchResponse<RecordHit>, shapeField: string | undefined, zoom?: number): PreviewItem[] {
  return readPreviewHits(res.hits.hits, shapeField, zoom);
}

/** The geometries of some hits of a geopreview page (see readGeopreview). */
export function readPreviewHits(hits: readonly SearchHit<RecordHit>[], shapeField: string | undefined, zoom?: number): PreviewItem[] {
  return hits.flatMap((h) => {
    const r = h._source!;
    const stored = (shapeField && r.fields ? (publishedFields(r.fields)[shapeField] as Geometry | undefined) : undefined) ?? r.geometry;
    if (!stored) return [];
    const geometry = zoom !== undefined && 'coordinates' in stored && stored.type !== 'Point' ? simplifyGeometry(stored as Geometry, pixelDegrees(zoom)) : stored;
    return [{ recordid: r.recordid, geometry, geo_digest: createHash('sha1').update(JSON.stringify(stored)).digest('hex') }];
  });
}

/** The later pieces of a large geopreview page (src/execute/searchInPieces.ts) as its geometries. */
export async function* previewPieces(pieces: AsyncGenerator<SearchHit<RecordHit>[]>, shapeField: string | undefined, zoom?: number): AsyncGenerator<PreviewItem[]> {
  for await (const hits of pieces) yield readPreviewHits(hits, shapeField, zoom);
}
