import { createHash } from 'node:crypto';

/**
 * A strong validator of a whole body: 20 bytes of SHA-1 (a few milliseconds for megabytes, as
 * Express's own `etag` computes it), so that a client or cache holding the same bytes gets a 304.
 * Strong, since the same request on the same data renders byte for byte the same body.
 */
export const bodyEtag = (body: string): string => `"${createHash('sha1').update(body, 'utf8').digest('base64url')}"`;
