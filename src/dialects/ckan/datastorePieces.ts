import type { DatastoreRequest } from '../../model/datastoreRequest';
import type { SearchPlan } from '../../model/searchPlan';
import type { RecordHit, SearchResult } from '../../model/searchResult';
import { featureJson } from '../../render/featureJson';
import { streamWriter, type ExportWriter } from '../../render/formats/streamWriter';
import { geojsonFeatures } from '../../render/geojsonFeatures';
import { jsonEnvelopePieces, jsonPiecesAt, jsonPiecesWriter, jsonStringPiecesAt, PIECES_MARK } from '../../render/jsonPieces';
import { fieldsByName, recordObject, type RecordContext } from '../../render/recordObject';
import { datastoreResult, recordItem } from './datastoreResult';
import type { ActionApiContext } from './renderDatastore';

/**
 * A DataStore page written piece by piece (a page read in pieces), the same bytes as
 * renderDatastore writes whole: the CKAN envelope with its `records` streamed (objects or lists
 * item by item, csv or tsv text line by line), a FeatureCollection, or CSV.
 */
export function datastorePieces(result: SearchResult, plan: SearchPlan, req: DatastoreRequest, action?: ActionApiContext): ExportWriter {
  const pretty = req.output.prettyPrint;
  const ctx: RecordContext = { schema: plan.schema, timeZone: plan.timeZone, datasetId: plan.datasetId };
  const columns = plan.fields ?? plan.schema;
  switch (req.output.format) {
    case 'json': case 'jsonp': {
      const body = {
        ...(action ? { help: `${action.site}/api/3/action/help_show?name=datastore_search` } : {}),
        success: true,
        result: { ...datastoreResult({ ...result, records: [] }, plan, req, action?.links), records: PIECES_MARK },
      };
      const text = req.recordsFormat === 'csv' || req.recordsFormat === 'tsv';
      const pieces = text ? jsonStringPiecesAt(body, pretty) : jsonPiecesAt(body, pretty);
      const item = recordItem(plan, req);
      return jsonPiecesWriter(pieces, (hit: RecordHit) => pieces.item(item(hit)), req.output, 'application/json; charset=utf-8');
    }
    case 'geojson': case 'geojsonp': {
      const pieces = jsonEnvelopePieces({ type: 'FeatureCollection', features: [] }, 'features', pretty);
      const byName = fieldsByName(plan.schema);
      const item = pretty ? (hit: RecordHit) => pieces.item(geojsonFeatures(columns, [recordObject(hit, ctx, byName)])[0]) : featureJson(ctx, columns);
      return jsonPiecesWriter(pieces, item, req.output, 'application/geo+json; charset=utf-8');
    }
    case 'csv':
      // The same CSV as a page rendered whole, which names no file.
      return { ...streamWriter('csv', undefined, { records: ctx, columns, output: req.output, filename: plan.datasetId }), headers: {} };
  }
}
