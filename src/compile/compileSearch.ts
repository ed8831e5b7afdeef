import type { SearchRequest } from '@elastic/elasticsearch/lib/api/types';
import { WRITTEN_RECORD } from '../model/searchResult';
import { facetAggregations } from './facetAggregations';
import { shareFacetFilters } from './sharedFacetFilters';
import { allFilters, splitShared } from '../plan/combine';
import { isGeo } from '../model/querySchema';
import type { SearchPlan } from '../model/searchPlan';
import { compilePredicate } from './compilePredicate';
import type { EsQuery } from './esQuery';
import type { Predicate } from '../model/predicate';
import { recordPaths } from '../schema/recordPaths';

/** What a records page reads from `_source`: the record as published, and only the fields asked for. */
export function sourceOf(plan: Pick<SearchPlan, 'fields'>): string[] {
  const base = ['datasetid', 'recordid', 'line', 'record_timestamp'];
  if (!plan.fields) return [...base, 'fields', 'geometry'];
  const geometry = plan.fields.some((f) => isGeo(f.type)) ? ['geometry'] : [];
  return [...base, ...geometry, ...plan.fields.map((f) => recordPaths.source(f.name))];
}

/**
 * A records search plan → one Elasticsearch request: `q`, geofilters and the facet filters that
 * every facet applies alike in `query`; the other refines and excludes in `post_filter` (so each
 * facet's aggregation can leave its own out); the exact total, the page, the sort and every facet
 * (groups with the same filter under it once).
 */
export function compileSearch(plan: SearchPlan): SearchRequest {
  const { shared, rest } = splitShared(plan.filters, plan.facets);
  const post = allFilters(rest);
  const aggs = shareFacetFilters(Object.assign({}, ...plan.facets.map((f, i) => facetAggregations(f, i, rest))), plan.facets.length);
  return {
    index: plan.index,
    query: searchQuery(plan, shared),
    ...(post.kind === 'all' ? {} : { post_filter: compilePredicate(post) }),
    ...(Object.keys(aggs).length ? { aggs } : {}),
    track_total_hits: true,
    from: plan.start,
    size: plan.rows,
    sort: plan.sort.map((k) => ({ [k.path]: { order: k.order } })),
    // Without a choice of fields a record is read as stored, as an export reads it (src/compile/compileScan.ts).
    // A record kept written is read from its doc values alone: no stored field, not even `_id`.
    ...(plan.written
      ? { _source: false, stored_fields: ['_none_'], docvalue_fields: [WRITTEN_RECORD.field] }
      : { _source: plan.source ?? (plan.fields ? sourceOf(plan) : true), ...(plan.storedFields ? { stored_fields: plan.storedFields } : {}) }),
  };
}

/**
 * The query: the plan's own, narrowed by the shared filters without changing any score. Rank
 * clauses only score: the query's filter alone decides what matches.
 */
function searchQuery(plan: SearchPlan, shared: readonly Predicate[]): EsQuery {
  const query = compilePredicate(plan.query);
  const narrowing = shared.map(compilePredicate);
  const rank = (plan.rank ?? []).map((r) => ({ match: { [r.path]: { query: r.text, boost: r.boost } } }));
  if (rank.length) return { bool: { filter: [query, ...narrowing], should: rank } };
  if (!narrowing.length) return query;
  return plan.query.kind === 'all' ? { bool: { filter: narrowing } } : { bool: { must: [query], filter: narrowing } };
}
