import type { FieldDef } from '../model/descriptor';
import type { OutputOptions } from '../model/recordsRequest';
import { csvHeader, csvRecordLines } from './csvRecords';
import { geojsonFeatures } from './geojsonFeatures';
import { GEOJSON_TYPE, jsonAnswer } from './jsonAnswer';
import { jsonText } from '../text/jsonText';
import type { RecordHit, WrittenRecord } from '../model/searchResult';
import { writtenFeatureItems } from './formats/writtenFeatures';
import { featureJson } from './featureJson';
import { jsonArrayParts, jsonObjectParts } from './jsonObjectParts';
import { fieldsByName, recordObject, type OdsRecord, type RecordContext } from './recordObject';
import type { Body, Rendered } from './rendered';

/**
 * A page of records as a GeoJSON FeatureCollection (or its JSONP form), whichever dialect asked:
 * compact, each feature written in one pass from its hit (featureJson: a shape kept as its stored
 * text is spliced); indented, from the record objects.
 */
export function geojsonPage(hits: readonly RecordHit[], ctx: RecordContext, columns: readonly FieldDef[], output: OutputOptions<string>): Rendered<Body> {
  if (!output.prettyPrint) return jsonAnswer(jsonObjectParts({ type: 'FeatureCollection' }, 'features', jsonArrayParts(hits.map(featureJson(ctx, columns))), {}), output, GEOJSON_TYPE);
  const byName = fieldsByName(ctx.schema);
  return jsonAnswer(jsonText({ type: 'FeatureCollection', features: geojsonFeatures(columns, hits.map((h) => recordObject(h, ctx, byName))) }, true), output, GEOJSON_TYPE);
}

/**
 * The same compact page from records kept written (every field shown): each feature's geometry and
 * properties copied from its record's bytes (writtenFeatureItems), as a GeoJSON download writes them.
 */
export function writtenGeojsonPage(written: readonly WrittenRecord[], output: OutputOptions<string>): Rendered<Body> {
  const features = written.length === 0 ? ['[]'] : ['[', writtenFeatureItems(written, true), ']'];
  return jsonAnswer(jsonObjectParts({ type: 'FeatureCollection' }, 'features', features, {}), output, GEOJSON_TYPE);
}

/** A page of records as CSV: the header, then one line per record. */
export function csvPage(records: readonly OdsRecord[], columns: readonly FieldDef[], output: OutputOptions<string>, headers?: Record<string, string>): Rendered {
  const o = { separator: output.csvSeparator, useLabels: output.useLabelsForHeader, withBom: output.withBom };
  return { contentType: 'text/csv; charset=utf-8', body: csvHeader(columns, o) + csvRecordLines(columns, records, o), ...(headers ? { headers } : {}) };
}
