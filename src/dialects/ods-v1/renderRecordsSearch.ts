import type { OutputOptions, RecordsSearchFormat } from '../../model/recordsRequest';
import type { SearchPlan } from '../../model/searchPlan';
import type { SearchResult, WrittenRecord } from '../../model/searchResult';
import { jsonText } from '../../text/jsonText';
import { fieldsByName, recordObject } from '../../render/recordObject';
import type { Body, Rendered } from '../../render/rendered';
import { jsonAnswer } from '../../render/jsonAnswer';
import { jsonArrayParts, jsonObjectParts } from '../../render/jsonObjectParts';
import { recordJson } from '../../render/recordJson';
import { writtenRecordItems } from '../../render/formats/writtenItems';
import { csvPage, geojsonPage, writtenGeojsonPage } from '../../render/recordsPage';
import { recordsFeedWriter } from '../../render/recordsFeed';
import type { RecordsFeed } from './recordsFeedContext';

/** The JSON array of records kept written (each its ODS JSON from `"recordid"` on), opened with the dataset's id: bytes sent as they are. */
const writtenArray = (written: readonly WrittenRecord[], datasetId: string): Array<string | Uint8Array> =>
  (written.length === 0 ? ['[]'] : ['[', writtenRecordItems(datasetId)(written, true), ']']);

/**
 * A records search result in the format asked for: ODS JSON (or JSONP), GeoJSON (or GeoJSONP),
 * CSV, or an RSS or Atom feed. Compact JSON and GeoJSON pages write each record in one pass
 * (recordJson, featureJson), splicing a shape kept as its stored text, or send records read as
 * their index keeps them written (JSON as they are, GeoJSON cut from them); indented pages and CSV
 * build the record objects.
 */
export function renderRecordsSearch(result: SearchResult, plan: SearchPlan, output: OutputOptions<RecordsSearchFormat>, echo: Record<string, unknown>, feed: () => RecordsFeed): Rendered<Body> {
  const byName = fieldsByName(plan.schema);
  const ctx = { schema: plan.schema, timeZone: plan.timeZone, datasetId: plan.datasetId };
  const objects = () => result.records.map((r) => recordObject(r, ctx, byName));
  const columns = plan.fields ?? plan.schema;
  switch (output.format) {
    case 'json': case 'jsonp': {
      const after = plan.facets.length ? { facet_groups: result.facetGroups } : {};
      if (output.prettyPrint) return jsonAnswer(jsonText({ nhits: result.nhits, parameters: echo, records: objects(), ...after }, true), output);
      const records = result.written ? writtenArray(result.written, ctx.datasetId) : jsonArrayParts(result.records.map(recordJson(ctx)));
      return jsonAnswer(jsonObjectParts({ nhits: result.nhits, parameters: echo }, 'records', records, after), output);
    }
    case 'geojson': case 'geojsonp':
      return result.written ? writtenGeojsonPage(result.written, output) : geojsonPage(result.records, ctx, columns, output);
    case 'csv':
      return csvPage(objects(), columns, output, { 'Content-Disposition': `attachment; filename="${plan.datasetId.replace(/[^\w@-]/g, '_')}.csv"` });
    case 'rss': case 'atom': {
      const context = feed();
      const writer = recordsFeedWriter(output.format, ctx, columns, context, context.updated);
      return { contentType: writer.contentType, body: `${writer.head}${writer.page(result.records, true)}${writer.tail}` };
    }
  }
}
