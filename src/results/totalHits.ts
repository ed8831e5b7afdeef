import type { SearchTotalHits } from '@elastic/elasticsearch/lib/api/types';

/** The exact total of a search that tracked it (`track_total_hits: true`), as a number. */
export const totalHits = (res: { hits: { total?: number | SearchTotalHits } }): number =>
  (typeof res.hits.total === 'number' ? res.hits.total : res.hits.total?.value ?? 0);
