import type { OutputOptions } from '../../model/recordsRequest';
import type { SearchPlan } from '../../model/searchPlan';
import type { SearchResult } from '../../model/searchResult';
import { csvHeader, csvRecordLines } from '../../render/csvRecords';
import { geojsonFeatures } from '../../render/geojsonFeatures';
import { jsonp } from '../../render/jsonp';
import { jsonText } from '../../render/jsonText';
import { fieldsByName, recordObject } from '../../render/recordObject';
import type { Rendered } from '../../render/rendered';

const JSON_TYPE = 'application/json; charset=utf-8';

/** A records search result in the format asked for: ODS JSON (or JSONP), GeoJSON (or GeoJSONP), or CSV. */
export function renderRecordsSearch(result: SearchResult, plan: SearchPlan, output: OutputOptions, echo: Record<string, unknown>): Rendered {
  const byName = fieldsByName(plan.schema);
  const ctx = { schema: plan.schema, timeZone: plan.timeZone, datasetId: plan.datasetId };
  const records = result.records.map((r) => recordObject(r, ctx, byName));
  switch (output.format) {
    case 'json': case 'jsonp': {
      const body = {
        nhits: result.nhits, parameters: echo, records,
        ...(plan.facets.length ? { facet_groups: result.facetGroups } : {}),
      };
      const json = jsonText(body, output.prettyPrint);
      return output.format === 'json' ? { contentType: JSON_TYPE, body: json } : jsonp(output.callback!, json);
    }
    case 'geojson': case 'geojsonp': {
      const json = jsonText({ type: 'FeatureCollection', features: geojsonFeatures(plan.fields ?? plan.schema, records) }, output.prettyPrint);
      return output.format === 'geojson' ? { contentType: 'application/geo+json; charset=utf-8', body: json } : jsonp(output.callback!, json);
    }
    case 'csv': {
      const columns = plan.fields ?? plan.schema;
      const o = { separator: output.csvSeparator, useLabels: output.useLabelsForHeader, withBom: output.withBom };
      return {
        contentType: 'text/csv; charset=utf-8',
        body: csvHeader(columns, o) + csvRecordLines(columns, records, o),
        headers: { 'Content-Disposition': `attachment; filename="${plan.datasetId.replace(/[^\w@-]/g, '_')}.csv"` },
      };
    }
  }
}
