import { geojsonFeatures } from '../geojsonFeatures';
import { jsonItems } from './jsonItems';
import type { RecordFormat } from './recordFormat';

/** A GeoJSON FeatureCollection, one feature per record (reference/ods-v1.md §5.3). */
export const geojsonFormat: RecordFormat = {
  contentType: 'application/geo+json; charset=utf-8',
  json: true,
  headers: () => ({}),
  stream: (ctx) => ({
    head: '{"type": "FeatureCollection", "features": [',
    page: (records, first) => jsonItems(geojsonFeatures(ctx.columns, records), first),
    tail: ']}',
  }),
};
