import type { FieldValue, PointGeometry } from './values';
import type { FacetGroup } from './facetGroup';

/** A record as Elasticsearch returns it: published values, dates in UTC. */
/**
 * What a record index keeps written of each record: its ODS JSON from `"recordid"` on, in a binary
 * field with doc values, outside `_source` (`field`), its instants shown in `timeZone`. Doc values
 * are kept apart from the stored fields: a reader of `_source` does not decompress the written
 * texts with it (stored beside it, they made a scan of `_source` 45–55 % slower).
 *
 * The text comes after a head of `headBytes`: WrittenSpans, six byte offsets into the text
 * (uint32, little-endian) that tell where its GeoJSON feature's parts are. Since the head's length
 * is a multiple of 3, the text's base64 is the field's base64 after its first `headChars` characters.
 */
export const WRITTEN_RECORD = { field: 'written_record', timeZone: 'UTC', headBytes: 24, headChars: 32 } as const;

/**
 * Where a record's GeoJSON feature (featureJson) is in its written text: its `fields` members
 * [fieldsStart, fieldsEnd); the member that is the feature's geometry, cut from them to make its
 * properties [cutStart, cutEnd), with its separator (empty when there is none); and the geometry's
 * text [geometryStart, geometryEnd) (empty for `null`). In this order in the head.
 */
export interface WrittenSpans { fieldsStart: number; fieldsEnd: number; cutStart: number; cutEnd: number; geometryStart: number; geometryEnd: number }

/**
 * A record kept written, as Elasticsearch hands it over: the base64 of its head and of its ODS
 * JSON's UTF-8 bytes (WRITTEN_RECORD), or of its CSV line (WRITTEN_CSV); or where that base64 lies
 * in the bytes of the answer it came in (WrittenSlice). It is decoded only where it is written out,
 * straight into the bytes of a whole piece (writtenItems, writtenFeatures).
 */
export type WrittenRecord = string | WrittenSlice;

/**
 * Where a record's base64 lies in a search answer's bytes: [start, end) of `bytes`, ASCII. A
 * download's page read from an answer's bytes keeps these, and each record's text is made only
 * while it is decoded (writtenText): a page of 1,000 communes-france records holds 2.7 million
 * characters of base64, which as strings outlived the young generation while the page waited.
 */
export interface WrittenSlice { readonly bytes: Buffer; readonly start: number; readonly end: number }

/**
 * What a record index keeps written of each record for CSV: its line as a CSV download of every
 * field writes it with `separator` and instants in `timeZone` (csvHitLine's, CRLF included), in
 * a binary field with doc values (`field`), with no head. A download with that separator sends
 * the lines as they are, after its own header.
 */
export const WRITTEN_CSV = { field: 'written_csv', timeZone: 'UTC', separator: ';' } as const;

/** A binary field in which a record index keeps each record written, for one kind of download. */
export type WrittenField = typeof WRITTEN_RECORD.field | typeof WRITTEN_CSV.field;

/** The texts a record's document keeps written: its head and ODS JSON (WRITTEN_RECORD), and its CSV line (WRITTEN_CSV). */
export interface WrittenTexts { record: Uint8Array; csv: Uint8Array }

export interface RecordHit {
  datasetid: string;
  recordid: string;
  line?: number;
  record_timestamp: string;
  fields: Record<string, FieldValue>;
  geometry?: PointGeometry;
}

/** What every renderer starts from (STYLE rule 7). */
export interface SearchResult {
  nhits: number;
  /** The page's records; none when they were read written (`written`, WrittenRecord). */
  records: RecordHit[];
  /** When the plan read records written (SearchPlan.written): each one's written ODS JSON, in the page's order. */
  written?: WrittenRecord[];
  facetGroups: FacetGroup[];
}
