import type { Request } from 'express';
import { AppError } from '../../errors/catalogue';

const DOMAIN = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** The domain a route serves: `/<domain>/api2/...` names it; `/api/...` is the default domain. */
export function routeDomain(req: Request): string {
  const domain = (req.params as Record<string, string | undefined>).domain;
  if (domain === undefined) return 'default';
  if (!DOMAIN.test(domain)) throw new AppError('not_found', `Unknown domain: ${domain.slice(0, 100)}`);
  return domain;
}

/** `/<domain>/api…`, `/d4c/<domain>/api2…` and `/<domain>/ogc…`: the domain named before `api`, `api2` or `ogc` (not `api`, `d4c` nor `ogc` themselves). */
const DOMAIN_PATH = /^\/(?:d4c\/)?([a-z0-9][a-z0-9-]{0,62})\/(?:api2?|ogc)(?:\/|$)/;
const NOT_DOMAINS = new Set(['api', 'd4c', 'ogc']);

/**
 * The domain a path serves, read before routing (quotas count per domain): the one named in a
 * `/<domain>/api2/…`, `/<domain>/api/…` or `/<domain>/ogc/…` path, else the default domain.
 */
export function domainOfPath(path: string): string {
  const m = DOMAIN_PATH.exec(path);
  return m === null || NOT_DOMAINS.has(m[1]) ? 'default' : m[1];
}
