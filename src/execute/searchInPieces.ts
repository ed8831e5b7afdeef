import type { SearchHit, SearchRequest, SearchResponse } from '@elastic/elasticsearch/lib/api/types';
import type { Deps } from './deps';
import { orderedPages, type PageReader } from './orderedPages';
import { searchIndex, type SearchOptions } from './searchIndex';

/** How long Elasticsearch keeps a large page's snapshot between two of its pieces. */
const PIECE_KEEP_ALIVE = '1m';

/**
 * The hits of a large page after its first piece, piece by piece, from the first piece's
 * snapshot. `release` closes the snapshot; reading to the end or stopping early closes it too.
 */
export interface LaterPieces<T> { pieces: AsyncGenerator<T[]>; release(): Promise<void> }

/** A search read in pieces: the first piece's whole answer (total, aggregations), then the rest of its hits, if any. */
export interface PiecedSearch<T> { first: SearchResponse<T>; rest?: LaterPieces<SearchHit<T>> }

/**
 * Runs `request` as one search when it asks for at most `pieceSize` hits (sent as `options` say). A larger page is read
 * `pieceSize` hits at a time from one point-in-time snapshot, with `search_after`, so that no
 * single answer has to be held and parsed whole: the first piece carries the total and the
 * aggregations, the rest only hits (with the same query, post-filter and order). Each later piece
 * is asked for as its predecessor is handed over.
 */
export async function searchInPieces<T>(deps: Deps, request: SearchRequest, pieceSize: number, options: SearchOptions = {}): Promise<PiecedSearch<T>> {
  const size = request.size ?? 10;
  if (size <= pieceSize || request.index === undefined) return { first: await searchIndex<T>(deps, request, options) };
  const { index, aggs, aggregations, from, track_total_hits, ...rest } = request;
  // The pieces read the same written text; their counts never go apart (the first alone has counts).
  const written = { written: options.written };
  let pit = (await deps.es.openPointInTime({ index, keep_alive: PIECE_KEEP_ALIVE })).id;
  let open = true;
  const release = async (): Promise<void> => {
    if (!open) return;
    open = false;
    await deps.es.closePointInTime({ id: pit }).catch(() => undefined);
  };
  // Relevance order is named, so that every hit carries its sort values (with the snapshot's tiebreaker).
  const sort = rest.sort !== undefined && !(Array.isArray(rest.sort) && rest.sort.length === 0) ? rest.sort : ['_score'];
  let first: SearchResponse<T>;
  try {
    first = await searchIndex<T>(deps, { ...rest, aggs: aggs ?? aggregations, from, track_total_hits, sort, size: pieceSize, pit: { id: pit, keep_alive: PIECE_KEEP_ALIVE } }, written);
  } catch (err) {
    await release();
    throw err;
  }
  pit = first.pit_id ?? pit;
  const hits = first.hits.hits;
  if (hits.length < pieceSize) {
    await release();
    return { first };
  }
  const read: PageReader<SearchHit<T>> = async (n, after) => {
    const search = (): Promise<SearchResponse<T>> => searchIndex<T>(deps, { ...rest, sort, size: n, track_total_hits: false, search_after: after as never, pit: { id: pit, keep_alive: PIECE_KEEP_ALIVE } }, written);
    const res = await (deps.bulk ? deps.bulk.run(search) : search());
    pit = res.pit_id ?? pit;
    const page = res.hits.hits;
    return { records: page, ...(page.length === n ? { after: page[page.length - 1].sort } : {}) };
  };
  async function* pieces(): AsyncGenerator<SearchHit<T>[]> {
    try {
      yield* orderedPages(read, pieceSize, size - hits.length, hits[hits.length - 1].sort);
    } finally {
      await release();
    }
  }
  return { first, rest: { pieces: pieces(), release } };
}
