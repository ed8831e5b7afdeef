import { featureJson } from '../featureJson';
import { jsonItems } from './jsonItems';
import type { RecordFormat } from './recordFormat';

/** A GeoJSON FeatureCollection, one feature per record (reference/ods-v1.md §5.3). */
export const geojsonFormat: RecordFormat = {
  contentType: 'application/geo+json; charset=utf-8',
  json: true,
  headers: () => ({}),
  stream: (ctx) => {
    const feature = featureJson(ctx.records, ctx.columns);
    return { head: '{"type": "FeatureCollection", "features": [', page: (records, first) => jsonItems(records, first, feature), tail: ']}' };
  },
};
