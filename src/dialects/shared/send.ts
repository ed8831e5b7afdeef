import type { Response } from 'express';
import type { Rendered } from '../../render/rendered';
import { bodyEtag } from './bodyEtag';
import { isPubliclyCacheable } from './cachePolicy';

/**
 * Sends a page rendered whole. A publicly cacheable one gets an ETag of its bytes; Express then
 * answers 304 with no body when the request's `If-None-Match` holds it.
 */
export function send(res: Response, r: Rendered): void {
  if (r.headers) res.set(r.headers);
  if (isPubliclyCacheable(res)) res.set('ETag', bodyEtag(r.body));
  res.status(200).type(r.contentType).send(r.body);
}
