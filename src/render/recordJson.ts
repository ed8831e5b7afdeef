import type { RecordHit } from '../model/searchResult';
import { fieldsJson } from './fieldsJson';
import { jsonText, jsonString } from '../text/jsonText';
import type { RecordContext } from './recordObject';
import { instantRenderer } from './valueRenderer';

/** A record as the text jsonText(recordObject(hit), false) gives (the ODS v1 record object), written in one pass over the hit. */
export function recordJson(ctx: RecordContext): (hit: RecordHit) => string {
  const fields = fieldsJson(ctx.schema, ctx.timeZone);
  const instant = instantRenderer(ctx.timeZone);
  const head = `{"datasetid": ${JSON.stringify(ctx.datasetId)}, "recordid": `;
  return (hit) => `${head}${jsonString(hit.recordid)}, "fields": {${fields(hit.fields)}}${hit.geometry ? `, "geometry": ${jsonText(hit.geometry, false)}` : ''}, "record_timestamp": ${jsonString(instant(hit.record_timestamp))}}`;
}
