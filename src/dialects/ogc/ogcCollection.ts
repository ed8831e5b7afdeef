import type { FieldDef } from '../../model/descriptor';
import type { DatasetExtent } from '../../model/geo';
import { CRS84, OGC_CRS } from './ogcCrs';
import { GEOJSON_TYPE, JSON_TYPE, link, QUERYABLES_REL, SCHEMA_TYPE, type OgcLink } from './ogcLinks';

/** What a collection is made from: the dataset's id, metas, schema and the extent of its records. */
export interface CollectionSource { id: string; metas: Record<string, unknown>; fields: readonly FieldDef[]; extent: DatasetExtent }

const GREGORIAN = 'http://www.opengis.net/def/uom/ISO-8601/0/Gregorian';

/** The box of an ODS `bbox` meta (a GeoJSON polygon feature, from the geometries themselves), if the dataset has one. */
function metasBox(metas: Record<string, unknown>): [number, number, number, number] | undefined {
  const ring = (metas.bbox as { geometry?: { coordinates?: number[][][] } } | undefined)?.geometry?.coordinates?.[0];
  if (!Array.isArray(ring) || ring.length === 0) return undefined;
  const xs = ring.map((p) => p[0]);
  const ys = ring.map((p) => p[1]);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

/**
 * One dataset as an OGC collection (Part 1 and 2): its id, title and description, the extent of
 * its records (the catalog's box of their geometries when it has one, else the box of their
 * indexed points; the first and last value of its temporal field), the CRSs offered and links.
 */
export function ogcCollection(base: string, d: CollectionSource): Record<string, unknown> {
  const self = `${base}/collections/${encodeURIComponent(d.id)}`;
  const bbox = metasBox(d.metas) ?? d.extent.bbox;
  const links: OgcLink[] = [
    link(self, 'self', JSON_TYPE, 'This collection'),
    link(`${self}/items`, 'items', GEOJSON_TYPE, 'Its features'),
    link(`${self}/queryables`, QUERYABLES_REL, SCHEMA_TYPE, 'The properties a filter may name'),
    // The short name, which GDAL 3.6 looks for.
    link(`${self}/queryables`, 'queryables', JSON_TYPE, 'The properties a filter may name'),
  ];
  return {
    id: d.id,
    title: typeof d.metas.title === 'string' ? d.metas.title : d.id,
    ...(typeof d.metas.description === 'string' ? { description: d.metas.description } : {}),
    itemType: 'feature',
    extent: {
      ...(bbox ? { spatial: { bbox: [bbox], crs: CRS84 } } : {}),
      ...(d.extent.interval ? { temporal: { interval: [d.extent.interval], trs: GREGORIAN } } : {}),
    },
    crs: OGC_CRS.map((c) => c.uri),
    storageCrs: CRS84,
    links,
  };
}
