import type { Request } from 'express';
import type { Access } from '../../auth/access';
import { routeDomain } from './routeDomain';

const keyDomains = new WeakMap<Request, string>();

/** Remembers the domain of the valid API key a request carries (set once, by the authentication middleware). */
export function rememberKeyDomain(req: Request, domain: string): void {
  keyDomains.set(req, domain);
}

/** Whom a request comes from and which domain its route serves. */
export function routeAccess(req: Request): Access {
  const keyDomain = keyDomains.get(req);
  return keyDomain === undefined ? { domain: routeDomain(req) } : { domain: routeDomain(req), keyDomain };
}
