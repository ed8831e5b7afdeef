import type { z } from 'zod';

/** `config.distance`, `config` for the object itself. */
const pathOf = (path: readonly PropertyKey[]): string => ['config', ...path.map(String)].join('.');

/**
 * A config's zod issues as public messages, each starting with its path. An unknown key is named
 * with the keys the capability knows, since a misspelt key is the likeliest cause.
 */
export function configErrors(error: z.ZodError, schema: z.ZodObject): string[] {
  const known = Object.keys(schema.shape).join(', ');
  return error.issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => `${pathOf([...issue.path, key])}: unknown key (known: ${known})`);
    if (issue.code === 'invalid_type' && issue.path.length === 0) return ['config: must be an object'];
    return [`${pathOf(issue.path)}: ${issue.message}`];
  });
}
