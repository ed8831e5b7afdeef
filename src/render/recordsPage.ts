import type { FieldDef } from '../model/descriptor';
import type { OutputOptions } from '../model/recordsRequest';
import { csvHeader, csvRecordLines } from './csvRecords';
import { geojsonFeatures } from './geojsonFeatures';
import { GEOJSON_TYPE, jsonAnswer } from './jsonAnswer';
import { jsonText } from '../text/jsonText';
import type { OdsRecord } from './recordObject';
import type { Rendered } from './rendered';

/** A page of records as a GeoJSON FeatureCollection (or its JSONP form), whichever dialect asked. */
export function geojsonPage(records: readonly OdsRecord[], columns: readonly FieldDef[], output: OutputOptions<string>): Rendered {
  return jsonAnswer(jsonText({ type: 'FeatureCollection', features: geojsonFeatures(columns, records) }, output.prettyPrint), output, GEOJSON_TYPE);
}

/** A page of records as CSV: the header, then one line per record. */
export function csvPage(records: readonly OdsRecord[], columns: readonly FieldDef[], output: OutputOptions<string>, headers?: Record<string, string>): Rendered {
  const o = { separator: output.csvSeparator, useLabels: output.useLabelsForHeader, withBom: output.withBom };
  return { contentType: 'text/csv; charset=utf-8', body: csvHeader(columns, o) + csvRecordLines(columns, records, o), ...(headers ? { headers } : {}) };
}
