import type { z } from 'zod';

const NUL_MESSAGE = 'must not contain the NUL character (U+0000), which PostgreSQL cannot store';

/**
 * A refinement that refuses a NUL character (U+0000) in any text of a value, a key's name
 * included, with one issue at the path of each. PostgreSQL stores none in text or jsonb, so
 * without it a descriptor or metadata holding one would fail at the database, as a 500.
 */
export function refuseNul(value: unknown, ctx: z.RefinementCtx, path: PropertyKey[] = []): void {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) ctx.addIssue({ code: 'custom', path, message: NUL_MESSAGE });
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => refuseNul(item, ctx, [...path, i]));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key.includes('\u0000')) ctx.addIssue({ code: 'custom', path: [...path, key], message: `this name ${NUL_MESSAGE}` });
      refuseNul(item, ctx, [...path, key]);
    }
  }
}
