import type { FieldValue, PointGeometry } from './values';
import type { FacetGroup } from './facetGroup';

/** A record as Elasticsearch returns it: published values, dates in UTC. */
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
  records: RecordHit[];
  facetGroups: FacetGroup[];
}
