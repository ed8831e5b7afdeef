import { z } from 'zod';
import { Descriptor, descriptorSchema } from '../model/descriptor';
import { closestMatch } from '../text/closest';

/** The object schema that validates the value at `path` (array indices step into elements), if any. */
function objectAt(schema: z.ZodType, path: readonly PropertyKey[]): z.ZodObject | undefined {
  let current: z.ZodType | undefined = schema;
  let rest = [...path];
  while (current) {
    if (current instanceof z.ZodOptional || current instanceof z.ZodDefault || current instanceof z.ZodNullable) current = current.unwrap() as z.ZodType;
    else if (current instanceof z.ZodPipe) current = current.in as z.ZodType;
    else if (rest.length === 0) return current instanceof z.ZodObject ? current : undefined;
    else if (current instanceof z.ZodObject) { current = current.shape[String(rest[0])] as z.ZodType | undefined; rest = rest.slice(1); }
    else if (current instanceof z.ZodArray && typeof rest[0] === 'number') { current = current.element as z.ZodType; rest = rest.slice(1); }
    else return undefined;
  }
  return undefined;
}

const pathText = (path: readonly PropertyKey[]): string => path.map(String).join('.');

/** One line per unknown key: its full path, and the known key it is closest to. */
function unknownKeyProblems(issue: z.core.$ZodIssueUnrecognizedKeys): string[] {
  const known = Object.keys(objectAt(descriptorSchema, issue.path)?.shape ?? {});
  return issue.keys.map((key) => {
    const hint = closestMatch(key, known);
    return `${pathText([...issue.path, key])}: unknown key${hint ? ` (did you mean ${hint}?)` : ''}`;
  });
}

/**
 * Validates a descriptor; the message names every problem with its path. Keys the descriptor
 * format does not have are problems too, at any level (a misspelt key would otherwise be ignored).
 */
export function parseDescriptor(json: unknown, origin: string): Descriptor {
  const checked = checkDescriptor(json);
  if ('descriptor' in checked) return checked.descriptor;
  throw new Error(`invalid descriptor ${origin}: ${checked.problems.join('; ')}`);
}

/** The descriptor, or every problem of it (one line each, with its path), for callers that answer them as a list. */
export function checkDescriptor(json: unknown): { descriptor: Descriptor } | { problems: string[] } {
  const parsed = descriptorSchema.safeParse(json);
  if (parsed.success) return { descriptor: parsed.data };
  return {
    problems: parsed.error.issues.flatMap((i) => (i.code === 'unrecognized_keys' ? unknownKeyProblems(i) : [`${pathText(i.path) || '(root)'}: ${i.message}`])),
  };
}
