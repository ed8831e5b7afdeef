import type { FieldValue } from '../ingest/coerce/coerceField';
import type { PointGeometry } from '../ingest/geometry';
import type { FacetGroup } from '../facets/facetTree';

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
