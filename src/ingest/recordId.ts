import { createHash } from 'node:crypto';
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
 * identical content get the occurrence number mixed in, so that no row is lost.
 */
export class RecordIdAllocator {
  private readonly seen = new Set<string>();

  constructor(private readonly idFields: readonly string[] | undefined) {}

  next(fields: Record<string, FieldValue>): string {
    const names = this.idFields && this.idFields.length > 0 ? this.idFields : Object.keys(fields);
    const content = canonical(Object.fromEntries(names.map((n) => [n, fields[n]])));
    let id = sha1(content);
    for (let n = 2; this.seen.has(id); n++) id = sha1(`${content}#${n}`);
    this.seen.add(id);
    return id;
  }
}

function sha1(s: string): string {
  return createHash('sha1').update(s).digest('hex');
}
