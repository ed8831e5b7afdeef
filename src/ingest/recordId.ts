import { createHash } from 'node:crypto';
import { DigestCounts } from './digestCounts';
import type { FieldValue } from '../model/values';

/** Key order must not change the hash: objects are serialised with sorted keys. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o).filter((k) => o[k] !== undefined).sort().map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`).join(',')}}`;
  }
  return JSON.stringify(v);
}

/**
 * The ODS recordid: a 40-hex SHA-1 of the record's values (of its `id`-annotated fields when
 * there are any). It depends only on content, so it is stable across re-ingests. Rows with
 * identical content get the occurrence number mixed in (`<content>#2`, `#3`, …), so that no row
 * is lost. Only the contents' digests and their counts are kept (DigestCounts): a serialised
 * content is a JSON object, which no other content followed by `#n` can spell, so the n-th
 * occurrence's id is new without a record of the ids already given.
 */
export class RecordIdAllocator {
  private readonly seen = new DigestCounts();

  constructor(private readonly idFields: readonly string[] | undefined) {}

  next(fields: Record<string, FieldValue>): string {
    const names = this.idFields && this.idFields.length > 0 ? this.idFields : Object.keys(fields);
    const content = canonical(Object.fromEntries(names.map((n) => [n, fields[n]])));
    const id = sha1(content);
    const occurrence = this.seen.add(id);
    return occurrence === 1 ? id : sha1(`${content}#${occurrence}`);
  }
}

function sha1(s: string): string {
  return createHash('sha1').update(s).digest('hex');
}
