import type { DatastoreRequest } from '../../model/datastoreRequest';
import type { SearchPlan } from '../../model/searchPlan';
import type { SearchResult } from '../../model/searchResult';
import { datastoreResult } from './datastoreResult';
import { jsonText } from '../../render/jsonText';
import { fieldsByName, recordObject } from '../../render/recordObject';
import type { Rendered } from '../../render/rendered';
import { jsonAnswer } from '../../render/jsonAnswer';
import { csvPage, geojsonPage } from '../../render/recordsPage';

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
      return jsonAnswer(json, req.output);
    }
    case 'geojson': case 'geojsonp':
      return geojsonPage(records(), plan.fields ?? plan.schema, req.output);
    case 'csv':
      return csvPage(records(), plan.fields ?? plan.schema, req.output);
  }
}
