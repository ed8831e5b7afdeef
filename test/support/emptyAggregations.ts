/** An aggregation as a request body holds it: one type key (`terms`, `filter`…), maybe sub-aggregations. */
type AggBody = Record<string, unknown>;

/**
 * Where the golden fake says the data lies (around Paris), so that geocluster's probe goes on to
 * its grid request. Elasticsearch itself leaves `bounds` out when nothing matches.
 */
export const FAKE_BOUNDS = { top_left: { lat: 48.91, lon: 2.22 }, bottom_right: { lat: 48.81, lon: 2.47 } };

const NO_BUCKETS = new Set(['terms', 'multi_terms', 'date_histogram', 'histogram', 'composite', 'geotile_grid', 'geohash_grid', 'range', 'date_range']);
const SINGLE_BUCKET = new Set(['filter', 'global', 'nested', 'reverse_nested', 'missing']);
const EMPTY_STATS = { count: 0, min: null, max: null, avg: null, sum: 0 };

function typeOf(name: string, agg: AggBody): string {
  const types = Object.keys(agg).filter((k) => k !== 'aggs' && k !== 'aggregations' && k !== 'meta');
  if (types.length !== 1) throw new Error(`aggregation ${name} has ${types.length} types: ${types.join(', ')}`);
  return types[0];
}

function subAggs(agg: AggBody): Record<string, AggBody> {
  return (agg.aggs ?? agg.aggregations ?? {}) as Record<string, AggBody>;
}

function emptyResult(name: string, agg: AggBody): unknown {
  const type = typeOf(name, agg);
  if (SINGLE_BUCKET.has(type)) return { doc_count: 0, ...emptyAggregations(subAggs(agg)) };
  if (NO_BUCKETS.has(type)) return { buckets: [] };
  switch (type) {
    case 'stats': return EMPTY_STATS;
    case 'extended_stats': return { ...EMPTY_STATS, sum_of_squares: null, variance: null, std_deviation: null };
    case 'cardinality': case 'value_count': case 'sum': return { value: 0 };
    case 'min': case 'max': case 'avg': return { value: null };
    case 'geo_bounds': return { bounds: FAKE_BOUNDS };
    case 'geo_centroid': return { count: 0 };
    default: throw new Error(`the golden fake Elasticsearch has no empty result for a ${type} aggregation (${name})`);
  }
}

/**
 * The aggregation results of an index without a matching document, shaped after the request:
 * bucket aggregations with no bucket, single-bucket ones with a zero count (and their
 * sub-aggregations), metrics without values. An aggregation type it does not know is an error,
 * so that a new one is given its empty result here on purpose.
 */
export function emptyAggregations(aggs: Record<string, AggBody>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(aggs).map(([name, agg]) => [name, emptyResult(name, agg)]));
}
