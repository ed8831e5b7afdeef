import { createHash } from 'node:crypto';
import { compilePredicate } from '../compile/compilePredicate';
import { pixelDegrees, simplifyGeometry } from '../results/simplifyGeometry';
import type { Geometry } from '../model/values';
import type { RecordHit } from '../model/searchResult';
import type { Deps } from '../execute/deps';
import type { GeoPlan } from '../model/geo';
import { recordPaths } from '../schema/recordPaths';

export interface PreviewItem { recordid: string; geometry: unknown; geo_digest: string }

/**
 * The geometries of the first `rows` matching records (reference/ods-v1.md §1.8): a shape when the
 * dataset's geo field is one (simplified to a pixel at the zoom when one is given), else the
 * point; `geo_digest` identifies the geometry as stored.
 */
export async function runGeopreview(deps: Deps, plan: GeoPlan, shapeField: string | undefined, rows: number, zoom?: number): Promise<PreviewItem[]> {
  const res = await deps.es.search<RecordHit>({
    index: plan.index, size: rows, query: compilePredicate(plan.query), sort: [{ recordid: { order: 'asc' } }],
    _source: ['recordid', 'geometry', ...(shapeField ? [recordPaths.source(shapeField)] : [])],
  });
  return res.hits.hits.flatMap((h) => {
    const r = h._source!;
    const stored = (shapeField ? (r.fields?.[shapeField] as Geometry | undefined) : undefined) ?? r.geometry;
    if (!stored) return [];
    const geometry = zoom !== undefined && 'coordinates' in stored && stored.type !== 'Point' ? simplifyGeometry(stored as Geometry, pixelDegrees(zoom)) : stored;
    return [{ recordid: r.recordid, geometry, geo_digest: createHash('sha1').update(JSON.stringify(stored)).digest('hex') }];
  });
}
