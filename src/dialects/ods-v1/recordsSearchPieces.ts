import type { OutputOptions, RecordsSearchFormat } from '../../model/recordsRequest';
import type { SearchPlan } from '../../model/searchPlan';
import type { RecordHit, SearchResult } from '../../model/searchResult';
import { featureJson } from '../../render/featureJson';
import type { ExportWriter } from '../../render/formats/streamWriter';
import { streamWriter } from '../../render/formats/streamWriter';
import { geojsonFeatures } from '../../render/geojsonFeatures';
import { jsonEnvelopePieces, jsonPiecesWriter } from '../../render/jsonPieces';
import { fieldsByName, recordObject, type RecordContext } from '../../render/recordObject';
import { recordJson } from '../../render/recordJson';
import { recordsFeedWriter } from '../../render/recordsFeed';
import type { RecordsFeed } from './recordsFeedContext';

/**
 * Whether a records page in `output` writes its shapes from their stored text, read whole
 * (renderRecordsSearch) or in pieces (recordsSearchPieces): records JSON, GeoJSON and CSV, not
 * indented. The records of such a page need not parse them.
 */
export const spliceShapes = (output: OutputOptions<RecordsSearchFormat>): boolean =>
  !output.prettyPrint && ['json', 'jsonp', 'geojson', 'geojsonp', 'csv'].includes(output.format);

/**
 * A records search page written piece by piece (a page read in pieces, see
 * src/usecases/runRecordsSearch.ts), the same bytes as renderRecordsSearch writes whole: the ODS
 * envelope with its records streamed, a FeatureCollection, CSV, or a feed.
 */
export function recordsSearchPieces(result: SearchResult, plan: SearchPlan, output: OutputOptions<RecordsSearchFormat>, echo: Record<string, unknown>, feed: () => RecordsFeed): ExportWriter {
  const ctx: RecordContext = { schema: plan.schema, timeZone: plan.timeZone, datasetId: plan.datasetId };
  const columns = plan.fields ?? plan.schema;
  const byName = fieldsByName(plan.schema);
  const pretty = output.prettyPrint;
  switch (output.format) {
    case 'json': case 'jsonp': {
      const envelope = { nhits: result.nhits, parameters: echo, records: [], ...(plan.facets.length ? { facet_groups: result.facetGroups } : {}) };
      const pieces = jsonEnvelopePieces(envelope, 'records', pretty);
      const item = pretty ? (hit: RecordHit) => pieces.item(recordObject(hit, ctx, byName)) : recordJson(ctx);
      return jsonPiecesWriter(pieces, item, output, 'application/json; charset=utf-8');
    }
    case 'geojson': case 'geojsonp': {
      const pieces = jsonEnvelopePieces({ type: 'FeatureCollection', features: [] }, 'features', pretty);
      const item = pretty ? (hit: RecordHit) => pieces.item(geojsonFeatures(columns, [recordObject(hit, ctx, byName)])[0]) : featureJson(ctx, columns);
      return jsonPiecesWriter(pieces, item, output, 'application/geo+json; charset=utf-8');
    }
    case 'csv':
      return streamWriter('csv', undefined, { records: ctx, columns, output, filename: plan.datasetId.replace(/[^\w@-]/g, '_') });
    case 'rss': case 'atom': {
      const context = feed();
      return recordsFeedWriter(output.format, ctx, columns, context, context.updated);
    }
  }
}
