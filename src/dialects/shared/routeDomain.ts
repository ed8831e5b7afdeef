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
