import type { SearchHit } from '@elastic/elasticsearch/lib/api/types';

/**
 * The UTF-8 bytes of a text the catalog index keeps written (a binary stored field, read with
 * `stored_fields`), which Elasticsearch hands over in base64. A hit without it is a catalog index
 * of another format, which the server rebuilds when it starts: an error, not an empty text.
 */
export function writtenBytes(hit: SearchHit<unknown>, field: string): Buffer {
  const value = (hit.fields?.[field] as unknown[] | undefined)?.[0];
  if (typeof value !== 'string') throw new Error(`catalog entry ${hit._id} has no ${field}: its index is of another format`);
  return Buffer.from(value, 'base64');
}
