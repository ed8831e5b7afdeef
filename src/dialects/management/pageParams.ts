import type { Request } from 'express';
import { z } from 'zod';
import { ParamReader } from '../shared/paramReader';
import { readQueryString } from '../shared/rawParams';

const PAGE = z.strictObject({
  limit: z.coerce.number().int().min(1).max(1000).default(20),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

/** The query string of a management GET, read as every dialect reads it (each parameter once). */
export const queryParams = (req: Request): ParamReader => new ParamReader(readQueryString(req.originalUrl.split('?')[1] ?? ''));

/** `limit` (1 to 1000, 20) and `offset` of a management listing. */
export function pageParams(req: Request): { limit: number; offset: number } {
  return queryParams(req).scalars(PAGE, ['limit', 'offset']);
}
