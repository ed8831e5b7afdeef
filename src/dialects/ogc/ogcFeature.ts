import type { GeoJsonGeometry } from '../../geo/geoJsonGeometry';
import { reprojectGeometry } from '../../geo/reprojectGeometry';
import type { FieldDef } from '../../model/descriptor';
import type { RecordHit } from '../../model/searchResult';
import type { FieldValue } from '../../model/values';
import { geojsonFeatures } from '../../render/geojsonFeatures';
import { fieldsByName, recordObject } from '../../render/recordObject';
import { toOgcCrs, type OgcCrs } from './ogcCrs';

/** A feature as OGC API – Features serves it: GeoJSON with the record id as `id`. */
export interface OgcFeature { type: 'Feature'; id: string; geometry: GeoJsonGeometry | null; properties: Record<string, FieldValue> }

/** Whether features in `crs` keep the coordinates as stored: CRS84, WGS 84 longitude first (nothing reprojected, no axis swapped). */
export const keepsCoordinates = (crs: OgcCrs): boolean => crs.crs.isWgs84 && !crs.latFirst;

/**
 * Records → features: the geometry as the ODS GeoJSON export has it (the shape, else the point),
 * in the CRS asked for and its axis order; the other fields as properties, values as published.
 */
export function ogcFeatures(schema: readonly FieldDef[], datasetId: string, hits: readonly RecordHit[], crs: OgcCrs): OgcFeature[] {
  const byName = fieldsByName(schema);
  const ctx = { schema, timeZone: 'UTC', datasetId };
  const records = hits.map((h) => recordObject(h, ctx, byName));
  return geojsonFeatures(schema, records).map((f, i) => {
    const g = f.geometry as GeoJsonGeometry | null;
    const geometry = g && !keepsCoordinates(crs) ? reprojectGeometry(g, (p) => toOgcCrs(crs, p)) : g;
    return { type: 'Feature', id: records[i].recordid, geometry, properties: f.properties };
  });
}
