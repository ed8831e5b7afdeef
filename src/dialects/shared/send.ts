import type { Response } from 'express';
import { type Body, bodyBytes, bodyText, type Rendered } from '../../render/rendered';
import { bodyEtag } from './bodyEtag';
import { isPubliclyCacheable } from './cachePolicy';

/**
 * Sends a page rendered whole. A publicly cacheable one gets an ETag of its bytes; Express then
 * answers 304 with no body when the request's `If-None-Match` holds it. A body whose type names
 * its charset is encoded once, for the ETag and the response alike (Express would encode a
 * string again); any other keeps Express's charset rule.
 */
export function send(res: Response, r: Rendered<Body>): void {
  if (r.headers) res.set(r.headers);
  const body = /;\s*charset=utf-8/i.test(r.contentType) ? bodyBytes(r.body) : bodyText(r.body);
  if (isPubliclyCacheable(res)) res.set('ETag', bodyEtag(body));
  res.status(200).type(r.contentType).send(body);
}
