import type { SearchHit } from '@elastic/elasticsearch/lib/api/types';

/**
 * The UTF-8 bytes of a text an index keeps written (a binary field, read with `stored_fields` or
 * `docvalue_fields`: a catalog entry's objects, a record's ODS JSON), which Elasticsearch hands
 * over in base64. A hit without it comes from an index of another format, which the server rebuilds
 * when it starts: an error, not an empty text.
 */
export const writtenBytes = (hit: SearchHit<unknown>, field: string): Buffer => Buffer.from(writtenBase64(hit, field), 'base64');

/** The same text as Elasticsearch hands it over, in base64, for a writer that decodes it where it writes it (writtenItems). */
export function writtenBase64(hit: SearchHit<unknown>, field: string): string {
  const value = (hit.fields?.[field] as unknown[] | undefined)?.[0];
  if (typeof value !== 'string') throw new Error(`${hit._id === undefined ? `a document of ${hit._index}` : `${hit._index} document ${hit._id}`} has no ${field}: its index is of another format`);
  return value;
}
