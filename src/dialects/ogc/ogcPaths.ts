import type { Request } from 'express';

/** Where the OGC API – Features dialect is mounted: the default domain, and each domain's own. */
export const OGC_ROOTS = ['/ogc', '/:domain/ogc'] as const;

/** Whether a path is under an OGC root (its errors are OGC exceptions). */
export const isOgcPath = (path: string): boolean => /^(\/[a-z0-9][a-z0-9-]{0,62})?\/ogc(\/|$)/.test(path);

/** The absolute URL of the OGC root a request came through: links are absolute, as clients follow them as given. */
export function ogcBase(req: Request): string {
  const domain = (req.params as Record<string, string | undefined>).domain;
  return `${req.protocol}://${req.get('host') ?? 'localhost'}${domain === undefined ? '' : `/${domain}`}/ogc`;
}

/** The absolute URL of the API's OpenAPI document (the landing page's `service-desc`). */
export const openapiUrl = (req: Request): string => `${req.protocol}://${req.get('host') ?? 'localhost'}/api/openapi.json`;
