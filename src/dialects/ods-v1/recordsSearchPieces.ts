import type { OutputOptions, RecordsSearchFormat } from '../../model/recordsRequest';
import type { SearchPlan } from '../../model/searchPlan';
import type { RecordHit, SearchResult, WrittenRecord } from '../../model/searchResult';
import { featureJson } from '../../render/featureJson';
import type { ExportWriter } from '../../render/formats/streamWriter';
import { streamWriter } from '../../render/formats/streamWriter';
import { geojsonFeatures } from '../../render/geojsonFeatures';
import { jsonEnvelopePieces, jsonPiecesWriter, writtenPiecesWriter } from '../../render/jsonPieces';
import { writtenRecordItems } from '../../render/formats/writtenItems';
import { writtenFeatureItems } from '../../render/formats/writtenFeatures';
import { fieldsByName, recordObject, type RecordContext } from '../../render/recordObject';
import { recordJson } from '../../render/recordJson';
import { recordsFeedWriter } from '../../render/recordsFeed';
import type { RecordsFeed } from './recordsFeedContext';
import type { RecordsReading } from '../../usecases/runRecordsSearch';

/**
 * How a records page in `output` takes its records, read whole (renderRecordsSearch) or in pieces
 * (recordsSearchPieces). Records JSON and GeoJSON not indented send each record (or its feature) as
 * its index keeps it written when they can; they and CSV not indented write shapes from their
 * stored text otherwise, and need not parse them. The others parse the records.
 */
export function recordsReading(output: OutputOptions<RecordsSearchFormat>): RecordsReading {
  if (output.prettyPrint) return 'parsed';
  if (['json', 'jsonp', 'geojson', 'geojsonp'].includes(output.format)) return 'written';
  return output.format === 'csv' ? 'text' : 'parsed';
}

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

/**
 * The same JSON or GeoJSON page (or its JSONP form) from records kept written (a page whose first
 * piece was read so, `result.written`): the envelope written once, each piece's records or
 * features sent from their bytes, as renderRecordsSearch sends a page read whole.
 */
export function writtenSearchPieces(result: SearchResult, plan: SearchPlan, output: OutputOptions<RecordsSearchFormat>, echo: Record<string, unknown>): ExportWriter<WrittenRecord, Uint8Array> {
  if (output.format === 'geojson' || output.format === 'geojsonp') {
    return writtenPiecesWriter(jsonEnvelopePieces({ type: 'FeatureCollection', features: [] }, 'features', false), writtenFeatureItems, output, 'application/geo+json; charset=utf-8');
  }
  const envelope = { nhits: result.nhits, parameters: echo, records: [], ...(plan.facets.length ? { facet_groups: result.facetGroups } : {}) };
  return writtenPiecesWriter(jsonEnvelopePieces(envelope, 'records', false), writtenRecordItems(plan.datasetId), output, 'application/json; charset=utf-8');
}
