import type { QueryDslQueryContainer, SortCombinations } from '@elastic/elasticsearch/lib/api/types';

/** What a snapshot scan asks Elasticsearch for, page after page: everything but the point-in-time and the position. */
export interface ScanRequest {
  index: string;
  query: QueryDslQueryContainer;
  /**
   * The order of the records. Absent, the order does not matter (no `sort`, no `rows` asked), so the
   * snapshot is read in index order, in slices side by side.
   */
  sort?: SortCombinations[];
  /** The parts of `_source` to read, or all of it as stored, or none (`docValueFields` instead). */
  _source: string[] | boolean;
  /** Doc values to read instead (a record's written JSON); no stored field is then read at all, not even `_id`. */
  docValueFields?: string[];
  /** Records to read at most; all when undefined. */
  limit?: number;
}
