import type { FieldDef } from '../model/descriptor';
import { annotationArg } from '../model/descriptor';
import type { FieldValue, FileValue, Geometry, LatLon, PointGeometry } from '../model/values';
import type { WrittenTexts } from '../model/searchResult';
import type { DocumentText } from './documentText';
import { centroidOf } from '../ingest/geometry';
import { fold } from '../text/fold';
import { numberKey } from '../text/numberKey';
import { hierarchyLevels } from '../schema/hierarchyLevels';
import { keepsNumberKey } from '../schema/numberKeyFields';
import type { StoredRecord } from './storedRecord';
import { fieldsToStore } from './storedShapes';

type Indexed = string | string[] | number | { lat: number; lon: number };

export interface RecordDocument {
  datasetid: string;
  recordid: string;
  /** Where the record was in its source (line of a CSV, item of a JSON file): the CKAN `_id`. */
  line: number;
  record_timestamp: string;
  fields: Record<string, FieldValue>;
  /** The ODS record `geometry` (a Point [lon, lat] of the first geo field), returned as is. */
  geometry?: PointGeometry;
  /** The GeoJSON type of the first geo field's value (`Point`, `Polygon`…), counted by `boundingbox`. */
  geometry_type?: string;
  v: Record<string, Indexed>;
  t: Record<string, string | string[]>;
  h: Record<string, Record<string, string[]>>;
  /** The sortable key (src/text/numberKey.ts) of each number annotated facet, which its facet counts; absent when there is none. */
  k?: Record<string, string>;
  /**
   * The record's ODS JSON without its head (from `"recordid"`, in WRITTEN_RECORD's zone), after the
   * spans of its GeoJSON feature, in base64: a binary field with doc values, outside `_source`
   * (mappings/records.json), which a JSON or GeoJSON export reads as `docvalue_fields` and sends as
   * it is, with nothing to parse or write again.
   */
  written_record?: string;
  /** The record's CSV line (WRITTEN_CSV), in base64: a binary field with doc values like `written_record`, read by a CSV export. */
  written_csv?: string;
}

const base64 = (bytes: Uint8Array): string => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');

const asList = (v: FieldValue): string[] => (Array.isArray(v) ? (v as string[]) : [v as string]);

function indexedValue(field: FieldDef, value: FieldValue): Indexed | undefined {
  switch (field.type) {
    case 'text': case 'int': case 'double': case 'date': case 'datetime':
      return value as string | string[] | number;
    case 'geo_point_2d': {
      const [lat, lon] = value as LatLon;
      return { lat, lon };
    }
    case 'geo_shape': {
      const [lat, lon] = centroidOf(value as Geometry);
      return { lat, lon };
    }
    case 'file':
      return (value as FileValue).filename;
  }
}

/**
 * The Elasticsearch document of a record: `fields` as published (returned, never indexed) but
 * each geo_shape as its JSON text (src/index/storedShapes.ts), `v` typed values for filters,
 * facets and sorts, `t` folded text, `h` hierarchy paths by level. A geo_shape is searched by its
 * centroid (SPEC §1: the minimal Elasticsearch has no geo_shape field type); the shape itself
 * stays in `fields` for output. `written`, when given, is what the document keeps written of the
 * record (src/usecases/writtenTexts.ts), kept in base64 as `written_record` and `written_csv`.
 */
export function recordDocument(datasetId: string, schema: readonly FieldDef[], record: StoredRecord, written?: WrittenTexts): RecordDocument {
  const doc: RecordDocument = {
    datasetid: datasetId, recordid: record.recordid, line: record.sourceLine, record_timestamp: record.recordTimestamp,
    fields: fieldsToStore(schema, record.fields), ...indexedMembers(schema, record),
  };
  if (written !== undefined) {
    doc.written_record = base64(written.record);
    doc.written_csv = base64(written.csv);
  }
  return doc;
}

/**
 * The document's JSON text in parts, JSON.stringify's once written out: its `fields` are the
 * record's stored text when it has its texts (a publish), which spares writing and escaping each
 * shape again, and what is kept written goes as bytes, never copied into the text.
 */
export function recordDocumentText(datasetId: string, schema: readonly FieldDef[], record: StoredRecord, written?: WrittenTexts): DocumentText {
  const binary: DocumentText['binary'] = written === undefined ? [] : [['written_record', written.record], ['written_csv', written.csv]];
  if (!record.texts) return { parts: [JSON.stringify(recordDocument(datasetId, schema, record)).slice(0, -1)], binary };
  const head = JSON.stringify({ datasetid: datasetId, recordid: record.recordid, line: record.sourceLine, record_timestamp: record.recordTimestamp });
  return { parts: [head.slice(0, -1), ',"fields":', record.texts.stored, ',', JSON.stringify(indexedMembers(schema, record)).slice(1, -1)], binary };
}

/** The members a document has after its `fields`, in its order; a new object built in that order, which JSON.stringify writes fastest. */
function indexedMembers(schema: readonly FieldDef[], record: StoredRecord): Pick<RecordDocument, 'geometry' | 'v' | 't' | 'h' | 'k' | 'geometry_type'> {
  const v: RecordDocument['v'] = {}, t: RecordDocument['t'] = {}, h: RecordDocument['h'] = {};
  let k: RecordDocument['k'];
  for (const field of schema) {
    const value = record.fields[field.name];
    if (value === undefined) continue;
    const indexed = indexedValue(field, value);
    if (indexed !== undefined) v[field.name] = indexed;
    if (field.type === 'text') {
      const list = asList(value);
      t[field.name] = Array.isArray(value) ? list.map(fold) : fold(value as string);
      const sep = annotationArg(field, 'hierarchical');
      if (sep !== undefined) h[field.name] = hierarchyLevels(list, sep);
    } else if (keepsNumberKey(field)) {
      (k ??= {})[field.name] = numberKey(value as number);
    }
  }
  const firstGeo = schema.find((f) => f.type === 'geo_point_2d' || f.type === 'geo_shape');
  const geoValue = firstGeo && record.fields[firstGeo.name];
  const geometryType = firstGeo && geoValue !== undefined ? (firstGeo.type === 'geo_point_2d' ? 'Point' : (geoValue as Geometry).type) : undefined;
  const members: ReturnType<typeof indexedMembers> = record.geometry ? { geometry: record.geometry, v, t, h } : { v, t, h };
  if (k) members.k = k;
  if (geometryType !== undefined) members.geometry_type = geometryType;
  return members;
}
