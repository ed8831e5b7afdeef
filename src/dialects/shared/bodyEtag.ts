import { createHash } from 'node:crypto';

/**
 * A strong validator of a whole body: 20 bytes of SHA-1 (a few milliseconds for megabytes, as
 * Express's own `etag` computes it), so that a client or cache holding the same bytes gets a 304.
 * Strong, since the same request on the same data renders byte for byte the same body.
 */
export function bodyEtag(body: string | Buffer): string {
  const hash = createHash('sha1');
  if (typeof body === 'string') hash.update(body, 'utf8'); else hash.update(body);
  return `"${hash.digest('base64url')}"`;
}
