import type { SearchResponse } from '@elastic/elasticsearch/lib/api/types';
import { readFacetGroup } from './readFacetGroup';
import type { SearchPlan } from '../model/searchPlan';
import type { RecordHit, SearchResult } from '../model/searchResult';

/** An Elasticsearch search response → the records page, the exact total and the facet tree. */
export function readSearchResult(plan: SearchPlan, res: SearchResponse<RecordHit>): SearchResult {
  const total = res.hits.total;
  const nhits = typeof total === 'number' ? total : total?.value ?? 0;
  const aggregations = (res.aggregations ?? {}) as Record<string, unknown>;
  return {
    nhits,
    records: res.hits.hits.map((h) => ({ ...h._source!, fields: h._source?.fields ?? {} })),
    facetGroups: plan.facets.map((f, i) => readFacetGroup(f, i, aggregations)),
  };
}
