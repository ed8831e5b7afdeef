import type { SearchResponse } from '@elastic/elasticsearch/lib/api/types';
import type { CompositeBucket } from './foldBuckets';
import { totalHits } from './totalHits';

/** The whole matching set as one bucket: the answer of an analyze with nothing to group by. */
export function readAnalyzeTotals(res: SearchResponse): CompositeBucket {
  return { key: {}, doc_count: totalHits(res), ...(res.aggregations ?? {}) };
}

/** One composite page: its buckets and the key to read the next one after. */
export function readCompositePage(res: SearchResponse): { buckets: CompositeBucket[]; after?: Record<string, unknown> } {
  const points = (res.aggregations?.points ?? {}) as { buckets?: CompositeBucket[]; after_key?: Record<string, unknown> };
  return { buckets: points.buckets ?? [], ...(points.after_key ? { after: points.after_key } : {}) };
}
