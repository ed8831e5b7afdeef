import type { FieldDef } from '../model/descriptor';
import type { StoredRecord } from '../index/storedRecord';
import { fieldsToStore } from '../index/storedShapes';
import { fieldsJson } from '../render/fieldsJson';
import { fieldsByName } from '../render/recordObject';
import { instantRenderer } from '../render/valueRenderer';
import { jsonString, jsonText } from '../text/jsonText';
import { WRITTEN_RECORD, type WrittenSpans } from '../model/searchResult';

const GEOMETRY_KEY = ', "geometry": ';
const bytes = (text: string): number => Buffer.byteLength(text);

/**
 * What a record index keeps written of each record (the document's `written_record`): its ODS JSON
 * from `"recordid"` on, in WRITTEN_RECORD's zone, its shapes spliced from their texts, byte for
 * byte what recordTailJson writes of the same record read back from its document (a JSON export
 * sends it as it is); after a head that says where its GeoJSON feature's parts are (WrittenSpans):
 * the geometry is the first geo_shape field's member, cut from the properties, or else the record's
 * point, as featureJson shows a record of every field.
 */
export function writtenRecord(schema: readonly FieldDef[]): (record: StoredRecord) => Buffer {
  const zone = WRITTEN_RECORD.timeZone;
  const columns = [...fieldsByName(schema).values()];
  const shape = columns.findIndex((f) => f.type === 'geo_shape');
  const at = shape < 0 ? columns.length : shape;
  const before = fieldsJson(columns.slice(0, at), zone), member = fieldsJson(columns.slice(at, at + 1), zone), after = fieldsJson(columns.slice(at + 1), zone);
  const keyBytes = shape < 0 ? 0 : bytes(`${JSON.stringify(columns[shape].name)}: `);
  const instant = instantRenderer(zone);
  return (r) => {
    const fields = fieldsToStore(schema, r.fields, r.texts);
    const b = before(fields), m = shape < 0 ? '' : member(fields), a = after(fields);
    const parts = [b, m, a].filter((part) => part !== '');
    const geometry = r.geometry ? jsonText(r.geometry, false) : undefined;
    const head = `"recordid": ${jsonString(r.recordid)}, "fields": {`;
    const tail = `, "record_timestamp": ${jsonString(instant(r.recordTimestamp))}}`;
    // Each piece is measured and written on its own: joined, they would be copied once more into one text.
    const bBytes = bytes(b), mBytes = bytes(m);
    const innerBytes = bBytes + mBytes + bytes(a) + 2 * Math.max(0, parts.length - 1);
    const fieldsStart = bytes(head), fieldsEnd = fieldsStart + innerBytes;
    const geometryBytes = geometry === undefined ? 0 : bytes(geometry);
    let spans: WrittenSpans = { fieldsStart, fieldsEnd, cutStart: fieldsEnd, cutEnd: fieldsEnd, geometryStart: 0, geometryEnd: 0 };
    if (m !== '') {
      const memberStart = fieldsStart + (b === '' ? 0 : bBytes + 2), memberEnd = memberStart + mBytes;
      const [cutStart, cutEnd] = b !== '' ? [memberStart - 2, memberEnd] : a !== '' ? [memberStart, memberEnd + 2] : [memberStart, memberEnd];
      spans = { ...spans, cutStart, cutEnd, geometryStart: memberStart + keyBytes, geometryEnd: memberEnd };
    } else if (geometry !== undefined) {
      const geometryStart = fieldsEnd + 1 + GEOMETRY_KEY.length;
      spans = { ...spans, geometryStart, geometryEnd: geometryStart + geometryBytes };
    }
    const textBytes = fieldsEnd + 1 + (geometry === undefined ? 0 : GEOMETRY_KEY.length + geometryBytes) + bytes(tail);
    const out = Buffer.allocUnsafe(WRITTEN_RECORD.headBytes + textBytes);
    [spans.fieldsStart, spans.fieldsEnd, spans.cutStart, spans.cutEnd, spans.geometryStart, spans.geometryEnd].forEach((n, i) => out.writeUInt32LE(n, i * 4));
    let at = WRITTEN_RECORD.headBytes;
    at += out.write(head, at);
    parts.forEach((part, i) => {
      if (i > 0) at += out.write(', ', at, 'latin1');
      at += out.write(part, at);
    });
    at += out.write('}', at, 'latin1');
    if (geometry !== undefined) {
      at += out.write(GEOMETRY_KEY, at, 'latin1');
      at += out.write(geometry, at);
    }
    out.write(tail, at);
    return out;
  };
}
