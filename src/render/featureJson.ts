import type { FieldDef } from '../model/descriptor';
import type { RecordHit } from '../model/searchResult';
import { jsonString } from '../text/jsonText';
import { fieldsJson } from './fieldsJson';
import type { RecordContext } from './recordObject';
import { valueJson } from './valueJson';

/**
 * A record as the GeoJSON feature text that jsonText(geojsonFeatures(columns, [recordObject(hit)])[0])
 * gives, written in one pass over the hit: the geometry is the record's shape when the columns
 * have a geo_shape field (its stored text spliced when it comes as one), else its point; the
 * properties are the other fields. `withId` adds the record id as the feature's `id`, after its
 * type, as OGC API – Features serves it.
 */
export function featureJson(ctx: RecordContext, columns: readonly FieldDef[], withId = false): (hit: RecordHit) => string {
  const shape = columns.find((f) => f.type === 'geo_shape')?.name;
  const properties = fieldsJson(ctx.schema, ctx.timeZone, shape);
  return (hit) => {
    const own = shape === undefined ? undefined : hit.fields[shape];
    const geometry = own !== undefined && own !== null ? own : (hit.geometry ?? null);
    const id = withId ? `"id": ${jsonString(hit.recordid)}, ` : '';
    return `{"type": "Feature", ${id}"geometry": ${valueJson(geometry)}, "properties": {${properties(hit.fields)}}}`;
  };
}
