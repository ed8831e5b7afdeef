import type { SearchHit, SearchResponse } from '@elastic/elasticsearch/lib/api/types';
import { readFacetGroup } from './readFacetGroup';
import type { SearchPlan } from '../model/searchPlan';
import { WRITTEN_RECORD, type RecordHit, type SearchResult, type WrittenRecord } from '../model/searchResult';
import { writtenBase64 } from './writtenBytes';
import { publishedFields } from '../index/storedShapes';

/**
 * An Elasticsearch search response → the records page, the exact total and the facet tree; with
 * `shapesAsText`, the records keep each shape as its stored text (recordAsStored). A plan that
 * read records written gets them as their index keeps them (SearchResult.written).
 */
export function readSearchResult(plan: SearchPlan, res: SearchResponse<RecordHit>, shapesAsText = false): SearchResult {
  const total = res.hits.total;
  const nhits = typeof total === 'number' ? total : total?.value ?? 0;
  const aggregations = (res.aggregations ?? {}) as Record<string, unknown>;
  const hits = res.hits.hits;
  return {
    nhits,
    ...(plan.written ? { records: [], written: hits.map((h) => writtenBase64(h, WRITTEN_RECORD.field)) } : { records: hits.map(shapesAsText ? recordAsStored : recordOfHit) }),
    facetGroups: plan.facets.map((f, i) => readFacetGroup(f, i, aggregations)),
  };
}

/** Whether every hit holds the record's written JSON: not those of an index built before records were kept written. */
export const allWritten = (res: SearchResponse<RecordHit>): boolean => res.hits.hits.every((h) => h.fields?.[WRITTEN_RECORD.field] !== undefined);

/** A hit as the record it holds, its shapes parsed (a record holding none of the fields asked for comes back without `fields`). */
export function recordOfHit(h: SearchHit<RecordHit>): RecordHit {
  return { ...h._source!, fields: publishedFields(h._source?.fields ?? {}) };
}

/**
 * A hit as the record it holds, each shape left as its stored JSON text (ShapeText), for a writer
 * that splices it (src/render/valueJson.ts) rather than parse it and write it again.
 */
export function recordAsStored(h: SearchHit<RecordHit>): RecordHit {
  return { ...h._source!, fields: h._source?.fields ?? {} };
}

/** The later pieces of a large page (src/execute/searchInPieces.ts) as records, their shapes as text with `shapesAsText`. */
export async function* recordPieces(pieces: AsyncGenerator<SearchHit<RecordHit>[]>, shapesAsText = false): AsyncGenerator<RecordHit[]> {
  for await (const hits of pieces) yield hits.map(shapesAsText ? recordAsStored : recordOfHit);
}

/** The later pieces of a large page read written: each record's base64, as SearchResult.written holds the first piece's. */
export async function* writtenPieces(pieces: AsyncGenerator<SearchHit<RecordHit>[]>): AsyncGenerator<WrittenRecord[]> {
  for await (const hits of pieces) yield hits.map((h) => writtenBase64(h, WRITTEN_RECORD.field));
}
