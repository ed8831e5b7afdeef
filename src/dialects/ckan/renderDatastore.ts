import type { DatastoreRequest } from '../../model/datastoreRequest';
import type { SearchPlan } from '../../model/searchPlan';
import type { SearchResult } from '../../model/searchResult';
import { csvHeader, csvRecordLines } from '../../render/csvRecords';
import { datastoreResult } from './datastoreResult';
import { geojsonFeatures } from '../../render/geojsonFeatures';
import { jsonp } from '../../render/jsonp';
import { jsonText } from '../../render/jsonText';
import { fieldsByName, recordObject } from '../../render/recordObject';
import type { Rendered } from '../../render/rendered';

/**
 * A DataStore answer: the CKAN envelope (with `help` on the action API), its JSONP form, or the
 * page as GeoJSON or CSV for the portal's `format=` (the same renderers as ODS records search).
 */
export function renderDatastore(result: SearchResult, plan: SearchPlan, req: DatastoreRequest, helpBase?: string): Rendered {
  const records = () => {
    const byName = fieldsByName(plan.schema);
    return result.records.map((r) => recordObject(r, { schema: plan.schema, timeZone: plan.timeZone, datasetId: plan.datasetId }, byName));
  };
  switch (req.output.format) {
    case 'json': case 'jsonp': {
      const body = {
        ...(helpBase ? { help: `${helpBase}/api/3/action/help_show?name=datastore_search` } : {}),
        success: true,
        result: datastoreResult(result, plan, req, helpBase ? '/api/action/datastore_search' : '/api/records/2.0/search'),
      };
      const json = jsonText(body, req.output.prettyPrint);
      return req.output.format === 'json' ? { contentType: 'application/json; charset=utf-8', body: json } : jsonp(req.output.callback!, json);
    }
    case 'geojson': case 'geojsonp': {
      const json = jsonText({ type: 'FeatureCollection', features: geojsonFeatures(plan.fields ?? plan.schema, records()) }, req.output.prettyPrint);
      return req.output.format === 'geojson' ? { contentType: 'application/geo+json; charset=utf-8', body: json } : jsonp(req.output.callback!, json);
    }
    case 'csv': {
      const columns = plan.fields ?? plan.schema;
      const o = { separator: req.output.csvSeparator, useLabels: req.output.useLabelsForHeader, withBom: req.output.withBom };
      return { contentType: 'text/csv; charset=utf-8', body: csvHeader(columns, o) + csvRecordLines(columns, records(), o) };
    }
  }
}
