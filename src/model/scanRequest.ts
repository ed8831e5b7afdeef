import type { QueryDslQueryContainer, SortCombinations } from '@elastic/elasticsearch/lib/api/types';

/** What a snapshot scan asks Elasticsearch for, page after page: everything but the point-in-time and the position. */
export interface ScanRequest {
  index: string;
  query: QueryDslQueryContainer;
  sort: SortCombinations[];
  _source: string[];
  /** Records to read at most; all when undefined. */
  limit?: number;
}
