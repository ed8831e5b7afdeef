import { WRITTEN_RECORD, type WrittenRecord } from '../../model/searchResult';
import { writtenBytesAtMost, writtenText } from './writtenText';

const BETWEEN = Buffer.from(', ');
const OPEN = Buffer.from('{"type": "Feature", "geometry": '), PROPERTIES = Buffer.from(', "properties": {'), END = Buffer.from('}}'), NULL = Buffer.from('null');
const HEAD = WRITTEN_RECORD.headBytes;

/**
 * The bytes of a piece of GeoJSON features (featureJson's, for every field) from records kept
 * written: each feature's geometry and properties are copied from the record's text where its
 * spans say (WrittenSpans), with nothing parsed; features are separated by `between`, the piece's
 * first too unless it opens the array.
 */
export function writtenFeatures(records: readonly WrittenRecord[], first: boolean, between: Buffer): Buffer {
  let size = records.length * (OPEN.length + NULL.length + PROPERTIES.length + END.length + between.length), largest = 0;
  for (const r of records) {
    const n = writtenBytesAtMost(r);
    size += n;
    largest = Math.max(largest, n);
  }
  // A feature is its record's geometry and properties, two parts of its text that do not overlap: never longer than the text and the feature's own keys.
  const out = Buffer.allocUnsafe(size), record = Buffer.allocUnsafe(largest);
  /** An offset of the head of the record decoded last, as a position in `record`. */
  const at32 = (o: number): number => HEAD + record.readUInt32LE(o);
  let at = 0;
  for (let i = 0; i < records.length; i++) {
    record.write(writtenText(records[i]), 0, 'base64');
    const fieldsStart = at32(0), fieldsEnd = at32(4), cutStart = at32(8), cutEnd = at32(12), geometryStart = at32(16), geometryEnd = at32(20);
    if (i > 0 || !first) at += between.copy(out, at);
    at += OPEN.copy(out, at);
    at += geometryStart < geometryEnd ? record.copy(out, at, geometryStart, geometryEnd) : NULL.copy(out, at);
    at += PROPERTIES.copy(out, at);
    at += record.copy(out, at, fieldsStart, cutStart);
    at += record.copy(out, at, cutEnd, fieldsEnd);
    at += END.copy(out, at);
  }
  return out.subarray(0, at);
}

/** The features of a GeoJSON FeatureCollection's array from records kept written: a download's pages, or a records page's array. */
export const writtenFeatureItems = (records: readonly WrittenRecord[], first: boolean): Buffer => writtenFeatures(records, first, BETWEEN);
