import type { SearchRequest } from '@elastic/elasticsearch/lib/api/types';
import { facetAggregations } from './facetAggregations';
import { allFilters } from '../plan/combine';
import { isGeo } from '../model/querySchema';
import type { SearchPlan } from '../model/searchPlan';
import { compilePredicate } from './compilePredicate';
import { recordPaths } from '../schema/recordPaths';

/** What a records page reads from `_source`: the record as published, and only the fields asked for. */
export function sourceOf(plan: Pick<SearchPlan, 'fields'>): string[] {
  const base = ['datasetid', 'recordid', 'line', 'record_timestamp'];
  if (!plan.fields) return [...base, 'fields', 'geometry'];
  const geometry = plan.fields.some((f) => isGeo(f.type)) ? ['geometry'] : [];
  return [...base, ...geometry, ...plan.fields.map((f) => recordPaths.source(f.name))];
}

/**
 * A records search plan → one Elasticsearch request: `q` and geofilters in `query`, the facet
 * refines and excludes in `post_filter` (so each facet's aggregation can leave its own out), the
 * exact total, the page, the sort and every facet.
 */
export function compileSearch(plan: SearchPlan): SearchRequest {
  const post = allFilters(plan.filters);
  const aggs = Object.assign({}, ...plan.facets.map((f, i) => facetAggregations(f, i, plan.filters)));
  const query = compilePredicate(plan.query);
  const rank = (plan.rank ?? []).map((r) => ({ match: { [r.path]: { query: r.text, boost: r.boost } } }));
  return {
    index: plan.index,
    // Rank clauses only score: the query's filter alone decides what matches.
    query: rank.length ? { bool: { filter: [query], should: rank } } : query,
    ...(post.kind === 'all' ? {} : { post_filter: compilePredicate(post) }),
    ...(Object.keys(aggs).length ? { aggs } : {}),
    track_total_hits: true,
    from: plan.start,
    size: plan.rows,
    sort: plan.sort.map((k) => ({ [k.path]: { order: k.order } })),
    // Without a choice of fields a record is read as stored, as an export reads it (src/compile/compileScan.ts).
    _source: plan.source ?? (plan.fields ? sourceOf(plan) : true),
  };
}
