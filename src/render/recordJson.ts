import type { FieldDef } from '../model/descriptor';
import type { RecordHit } from '../model/searchResult';
import { fieldsJson } from './fieldsJson';
import { jsonText, jsonString } from '../text/jsonText';
import type { RecordContext } from './recordObject';
import { instantRenderer } from './valueRenderer';

/** What opens an ODS record object of the dataset shown as `datasetId`, before its tail (recordTailJson). */
export const recordHeadJson = (datasetId: string): string => `{"datasetid": ${JSON.stringify(datasetId)}, `;

/**
 * An ODS v1 record object without its head: from `"recordid"` to the closing brace. It does not
 * depend on the id the dataset is shown under (`id@domain` or `id`), so a record index keeps it
 * written for every request in its zone.
 */
export function recordTailJson(schema: readonly FieldDef[], timeZone: string): (hit: RecordHit) => string {
  const fields = fieldsJson(schema, timeZone);
  const instant = instantRenderer(timeZone);
  return (hit) => `"recordid": ${jsonString(hit.recordid)}, "fields": {${fields(hit.fields)}}${hit.geometry ? `, "geometry": ${jsonText(hit.geometry, false)}` : ''}, "record_timestamp": ${jsonString(instant(hit.record_timestamp))}}`;
}

/** A record as the text jsonText(recordObject(hit), false) gives (the ODS v1 record object), written in one pass over the hit. */
export function recordJson(ctx: RecordContext): (hit: RecordHit) => string {
  const head = recordHeadJson(ctx.datasetId);
  const tail = recordTailJson(ctx.schema, ctx.timeZone);
  return (hit) => `${head}${tail(hit)}`;
}
