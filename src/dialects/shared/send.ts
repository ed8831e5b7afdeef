import type { Response } from 'express';
import { type Body, bodyBytes, bodyText, type Rendered } from '../../render/rendered';
import { codedEtag, compress, COMPRESS_FROM_BYTES, mayCompress, negotiatedCoding } from './answerCoding';
import { bodyEtag } from './bodyEtag';
import { isPubliclyCacheable } from './cachePolicy';

/**
 * Sends a page rendered whole. A publicly cacheable one gets an ETag of its bytes; Express then
 * answers 304 with no body when the request's `If-None-Match` holds it. A body whose type names
 * its charset is encoded once, for the ETag and the response alike (Express would encode a
 * string again); every other type keeps Express's charset rule. A page of a compressible type
 * varies by `Accept-Encoding`, and from COMPRESS_FROM_BYTES on it is sent compressed to a client
 * that accepts Brotli or gzip (answerCoding.ts), under the ETag of its bytes marked with the coding.
 * Answers written as they are read are compressed by streamExport.ts.
 */
export function send(res: Response, r: Rendered<Body>): void {
  if (r.headers) res.set(r.headers);
  const body = /;\s*charset=utf-8/i.test(r.contentType) ? bodyBytes(r.body) : bodyText(r.body);
  const etag = isPubliclyCacheable(res) ? bodyEtag(body) : undefined;
  res.status(200).type(r.contentType);
  const accepted = negotiatedCoding(res, mayCompress(res, r.contentType));
  const coding = accepted !== undefined && Buffer.byteLength(body) >= COMPRESS_FROM_BYTES ? accepted : undefined;
  if (coding === undefined) {
    if (etag !== undefined) res.set('ETag', etag);
    res.send(body);
    return;
  }
  if (etag !== undefined) res.set('ETag', codedEtag(etag, coding));
  // A client that holds this representation gets its 304 without the page being compressed.
  if (res.req.fresh) {
    res.send(body);
    return;
  }
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  compress(bytes, coding, (err, out) => {
    if (err !== null) {
      // Not expected of zlib on bytes in memory; the page then goes as it is.
      if (etag !== undefined) res.set('ETag', etag);
      res.send(body);
      return;
    }
    // The bytes Express would have sent for a text: UTF-8, said in the type.
    if (typeof body === 'string') res.set('Content-Type', withUtf8(String(res.get('Content-Type'))));
    res.set('Content-Encoding', coding).send(out);
  });
}

/** A content type with `charset=utf-8`, as Express sets it on a text it encodes. */
const withUtf8 = (type: string): string => (/;\s*charset=/i.test(type) ? type.replace(/charset=[^;]*/i, 'charset=utf-8') : `${type}; charset=utf-8`);
