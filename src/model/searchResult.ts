import type { FieldValue, PointGeometry } from './values';
import type { FacetGroup } from './facetGroup';

/** A record as Elasticsearch returns it: published values, dates in UTC. */
/**
 * What a record index keeps written of each record: its ODS JSON from `"recordid"` on, in a binary
 * field with doc values, outside `_source` (`field`), its instants shown in `timeZone`. Doc values
 * are kept apart from the stored fields: a reader of `_source` does not decompress the written
 * texts with it (stored beside it, they made a scan of `_source` 45–55 % slower).
 */
export const WRITTEN_RECORD = { field: 'written', timeZone: 'UTC' } as const;

/**
 * A record kept written, as Elasticsearch hands it over: the base64 of its ODS JSON's UTF-8 bytes.
 * It is decoded only where it is written out, straight into the bytes of a whole piece (writtenItems).
 */
export type WrittenRecord = string;

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
  /** The page's records; none when they were read written (`written`). */
  records: RecordHit[];
  /** When the plan read records written (SearchPlan.written): each one's written ODS JSON, in the page's order. */
  written?: WrittenRecord[];
  facetGroups: FacetGroup[];
}
