import type { z } from 'zod';
import { nulPlaces } from '../text/nulPlaces';

/**
 * A refinement that refuses a NUL character (U+0000) in any text of a value, a key's name
 * included, with one issue at the path of each. PostgreSQL stores none in text or jsonb, so
 * without it a descriptor or metadata holding one would fail at the database, as a 500.
 */
export function refuseNul(value: unknown, ctx: z.RefinementCtx): void {
  for (const path of nulPlaces(value)) {
    ctx.addIssue({ code: 'custom', path, message: 'must not contain the NUL character (U+0000), which PostgreSQL cannot store' });
  }
}
