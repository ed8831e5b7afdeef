import type { DatastoreRequest } from '../../model/datastoreRequest';
import type { OutputOptions } from '../../model/recordsRequest';
import type { SearchPlan } from '../../model/searchPlan';
import type { SearchResult } from '../../model/searchResult';
import { datastoreResult } from './datastoreResult';
import type { LinkSource } from './datastoreLinks';
import { jsonText } from '../../text/jsonText';
import { fieldsByName, recordObject } from '../../render/recordObject';
import type { Body, Rendered } from '../../render/rendered';
import { jsonAnswer } from '../../render/jsonAnswer';
import { csvPage, geojsonPage } from '../../render/recordsPage';

/**
 * Whether the writers of a DataStore page splice each stored shape's text rather than parse it:
 * GeoJSON and CSV, not indented (renderDatastore, datastorePieces). The CKAN envelope shows a
 * shape as an object, so its records need them parsed.
 */
export const datastoreSplicesShapes = (output: OutputOptions): boolean => !output.prettyPrint && ['geojson', 'geojsonp', 'csv'].includes(output.format);

/** The action API's extras: the site for `help`, and where the request came in for `_links`. */
export interface ActionApiContext { site: string; links: LinkSource }

/**
 * A DataStore answer: the CKAN envelope (with `help` and `_links` on the action API), its JSONP
 * form, or the page as GeoJSON or CSV for the portal's `format=` (the same renderers as ODS records search).
 */
export function renderDatastore(result: SearchResult, plan: SearchPlan, req: DatastoreRequest, action?: ActionApiContext): Rendered<Body> {
  const records = () => {
    const byName = fieldsByName(plan.schema);
    return result.records.map((r) => recordObject(r, { schema: plan.schema, timeZone: plan.timeZone, datasetId: plan.datasetId }, byName));
  };
  switch (req.output.format) {
    case 'json': case 'jsonp': {
      const body = {
        ...(action ? { help: `${action.site}/api/3/action/help_show?name=datastore_search` } : {}),
        success: true,
        result: datastoreResult(result, plan, req, action?.links),
      };
      const json = jsonText(body, req.output.prettyPrint);
      return jsonAnswer(json, req.output);
    }
    case 'geojson': case 'geojsonp':
      return geojsonPage(result.records, { schema: plan.schema, timeZone: plan.timeZone, datasetId: plan.datasetId }, plan.fields ?? plan.schema, req.output);
    case 'csv':
      return csvPage(records(), plan.fields ?? plan.schema, req.output);
  }
}
