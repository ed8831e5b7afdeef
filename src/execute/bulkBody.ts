import type { DocumentText } from '../index/documentText';
import { joined, type TextPiece } from './byteBatch';

/**
 * A document to index by id: an object, its JSON text, its text in parts (DocumentText), or its
 * two lines already encoded (`documentPieces` written out, the action line first).
 */
export interface BulkDocument {
  id: string;
  doc: object | string | DocumentText | Uint8Array;
}

const isDocumentText = (doc: object | string): doc is DocumentText => typeof doc === 'object' && 'parts' in doc && 'binary' in doc;

const base64 = (bytes: Uint8Array): string => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');

/** The texts of one document's lines, its action first, in the order they are written; `latin1` marks base64 (one byte a character). */
export function documentPieces(id: string, doc: object | string | DocumentText): TextPiece[] {
  const pieces: TextPiece[] = [{ text: `{"index":{"_id":${JSON.stringify(id)}}}\n`, latin1: false }];
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

/** The pieces encoded one after the other into one buffer of their exact size. */
function encoded(pieces: readonly TextPiece[]): Buffer {
  const size = pieces.reduce((n, p) => n + (p.latin1 ? p.text.length : Buffer.byteLength(p.text)), 0);
  const body = Buffer.allocUnsafe(size);
  let at = 0;
  for (const p of pieces) at += body.write(p.text, at, p.latin1 ? 'latin1' : 'utf8');
  return body;
}

/**
 * The ndjson body of a bulk request that indexes `docs` by id (the index is the request's path),
 * written into one buffer of its exact size: each text is encoded once, where the client would
 * join every line into one string, measure it and encode it again, and a written binary member's
 * base64 is copied as it is instead of passing through JSON.stringify. Documents given encoded
 * are taken as they are: one view of their buffer when they follow each other in it.
 */
export function bulkBody(docs: ReadonlyArray<BulkDocument>): Buffer {
  const bytes = docs.filter((d) => d.doc instanceof Uint8Array).length;
  if (bytes === docs.length) return joined(docs.map((d) => d.doc as Uint8Array));
  if (bytes === 0) return encoded(docs.flatMap(({ id, doc }) => documentPieces(id, doc)));
  return Buffer.concat(docs.map(({ id, doc }) => (doc instanceof Uint8Array ? doc : encoded(documentPieces(id, doc)))));
}
