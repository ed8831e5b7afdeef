import type { DocumentText } from '../index/documentText';

/** A document to index by id: an object, its JSON text, or its text in parts (DocumentText). */
export interface BulkDocument {
  id: string;
  doc: object | string | DocumentText;
}

const isDocumentText = (doc: object | string): doc is DocumentText => typeof doc === 'object' && 'parts' in doc && 'binary' in doc;

const base64 = (bytes: Uint8Array): string => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');

/** The texts of one document's lines, its action first, in the order they are written; `latin1` marks base64 (one byte a character). */
function documentPieces(id: string, doc: object | string | DocumentText): Array<{ text: string; latin1: boolean }> {
  const pieces = [{ text: `{"index":{"_id":${JSON.stringify(id)}}}\n`, latin1: false }];
  if (!isDocumentText(doc)) {
    pieces.push({ text: typeof doc === 'string' ? doc : JSON.stringify(doc), latin1: false });
  } else {
    for (const text of doc.parts) pieces.push({ text, latin1: false });
    for (const [name, bytes] of doc.binary) {
      pieces.push({ text: `,${JSON.stringify(name)}:"`, latin1: false }, { text: base64(bytes), latin1: true }, { text: '"', latin1: false });
    }
    pieces.push({ text: '}', latin1: false });
  }
  pieces.push({ text: '\n', latin1: false });
  return pieces;
}

/**
 * The ndjson body of a bulk request that indexes `docs` by id (the index is the request's path),
 * written into one buffer of its exact size: each text is encoded once, where the client would
 * join every line into one string, measure it and encode it again, and a written binary member's
 * base64 is copied as it is instead of passing through JSON.stringify.
 */
export function bulkBody(docs: ReadonlyArray<BulkDocument>): Buffer {
  const pieces = docs.flatMap(({ id, doc }) => documentPieces(id, doc));
  const size = pieces.reduce((n, p) => n + (p.latin1 ? p.text.length : Buffer.byteLength(p.text)), 0);
  const body = Buffer.allocUnsafe(size);
  let at = 0;
  for (const p of pieces) at += body.write(p.text, at, p.latin1 ? 'latin1' : 'utf8');
  return body;
}
