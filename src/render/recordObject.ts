import { annotationArg, FieldDef } from '../model/descriptor';
import type { FieldValue, PointGeometry } from '../model/values';
import type { RecordHit } from '../model/searchResult';
import { instantText } from './instantText';

/** What rendering a record needs: the schema (types, annotations), the zone, and the id to show. */
export interface RecordContext { schema: readonly FieldDef[]; timeZone: string; datasetId: string }

export interface OdsRecord {
  datasetid: string;
  recordid: string;
  fields: Record<string, FieldValue>;
  geometry?: PointGeometry;
  record_timestamp: string;
}

const PRECISION_LENGTH = new Map([['year', 4], ['month', 7]]);

/** One published value as ODS shows it: datetimes in the request's zone, dates cut to their `timeserie_precision`. */
export function renderValue(field: FieldDef | undefined, value: FieldValue, timeZone: string): FieldValue {
  if (field?.type === 'datetime' && typeof value === 'string') return instantText(value, timeZone);
  if (field?.type === 'date' && typeof value === 'string') {
    const length = PRECISION_LENGTH.get(annotationArg(field, 'timeserie_precision') ?? '');
    return length ? value.slice(0, length) : value;
  }
  return value;
}

/** A record as the ODS v1 record object (reference/ods-v1.md §2.3): fields in schema order, empty values absent. */
export function recordObject(hit: RecordHit, ctx: RecordContext, byName: ReadonlyMap<string, FieldDef>): OdsRecord {
  const fields: Record<string, FieldValue> = {};
  for (const field of byName.values()) {
    const value = hit.fields[field.name];
    if (value !== undefined && value !== null) fields[field.name] = renderValue(field, value, ctx.timeZone);
  }
  return {
    datasetid: ctx.datasetId,
    recordid: hit.recordid,
    fields,
    ...(hit.geometry ? { geometry: hit.geometry } : {}),
    record_timestamp: instantText(hit.record_timestamp, ctx.timeZone),
  };
}

export const fieldsByName = (schema: readonly FieldDef[]): Map<string, FieldDef> => new Map(schema.map((f) => [f.name, f]));
