import { WRITTEN_RECORD } from '../../model/searchResult';
import { featureJson } from '../featureJson';
import { jsonItems } from './jsonItems';
import type { RecordFormat } from './recordFormat';
import { writtenFeatureItems } from './writtenFeatures';

const HEAD = '{"type": "FeatureCollection", "features": [';

/** A GeoJSON FeatureCollection, one feature per record (reference/ods-v1.md §5.3). */
export const geojsonFormat: RecordFormat = {
  contentType: 'application/geo+json; charset=utf-8',
  json: true,
  headers: () => ({}),
  stream: (ctx) => {
    const feature = featureJson(ctx.records, ctx.columns);
    return { head: HEAD, page: (records, first) => jsonItems(records, first, feature), tail: ']}' };
  },
  // Only for a request that shows every field (ctx.columns is the schema): the features records keep written.
  written: { field: WRITTEN_RECORD.field, stream: () => ({ head: HEAD, page: writtenFeatureItems, tail: ']}' }) },
};
