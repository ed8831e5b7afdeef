/**
 * The bytes of a page of records kept written (each its ODS JSON from `"recordid"` on): every
 * record opened by `open` (the object's head, which names the dataset), followed by `end`, and
 * separated from the one before it by `between`, the page's first too unless it opens the body.
 */
export function writtenItems(records: readonly Uint8Array[], first: boolean, open: Buffer, between: Buffer, end: Buffer): Buffer {
  const parts: Uint8Array[] = [];
  for (let i = 0; i < records.length; i++) {
    if (between.length > 0 && (i > 0 || !first)) parts.push(between);
    parts.push(open, records[i]);
    if (end.length > 0) parts.push(end);
  }
  return Buffer.concat(parts);
}
