import type { Request } from 'express';
import type { Access } from '../../auth/access';
import type { KeyHolder } from '../../auth/roles';
import { routeDomain } from './routeDomain';

/** A valid API key a request carries: its id (quotas count per key), its domain and its role. */
export type PresentedKey = KeyHolder;

const keys = new WeakMap<Request, PresentedKey>();

/** Remembers the valid API key a request carries (set once, by the authentication middleware). */
export function rememberApiKey(req: Request, key: PresentedKey): void {
  keys.set(req, key);
}

/** The valid API key the request carries, if any. */
export const apiKeyOf = (req: Request): PresentedKey | undefined => keys.get(req);

/** Whom a request comes from and which domain its route serves. */
export function routeAccess(req: Request): Access {
  const keyDomain = keys.get(req)?.domain;
  return keyDomain === undefined ? { domain: routeDomain(req) } : { domain: routeDomain(req), keyDomain };
}
