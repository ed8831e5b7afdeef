import type { EsQuery } from '../../src/compile/esQuery';
import type { Deps } from '../../src/execute/deps';

/** Every document matching `query` in `index` (search_after on recordid or datasetid), as its _source. */
export async function searchAll(deps: Deps, index: string, query: EsQuery, sortField = 'recordid'): Promise<Array<Record<string, unknown>>> {
  const out: Array<Record<string, unknown>> = [];
  let after: Array<string | number> | undefined;
  for (;;) {
    const res = await deps.es.search<Record<string, unknown>>({
      index, query, size: 5000, sort: [{ [sortField]: 'asc' }], ...(after ? { search_after: after } : {}),
    });
    const hits = res.hits.hits;
    out.push(...hits.map((h) => h._source!));
    if (hits.length < 5000) return out;
    after = hits[hits.length - 1].sort as Array<string | number>;
  }
}
