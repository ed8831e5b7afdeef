import type { z } from 'zod';
import { AppError } from '../../errors/catalogue';
import type { RawParams } from './rawParams';

/** Typed access to raw parameters: single values, lists, families (`refine.<f>`), zod validation naming the parameter. */
export class ParamReader {
  constructor(readonly raw: RawParams) {}

  /** The value of a scalar parameter; given twice (even with the same value) is a 400. */
  one(name: string): string | undefined {
    const values = this.raw.get(name);
    if (!values) return undefined;
    if (values.length > 1) throw new AppError('bad_parameter', `Parameter ${name} must be given once.`, { parameter: name });
    return values[0];
  }

  all(name: string): string[] {
    return [...(this.raw.get(name) ?? [])];
  }

  /** `prefix.<suffix>` parameters: suffix → values, in request order. */
  family(prefix: string): Map<string, string[]> {
    const out = new Map<string, string[]>();
    for (const [name, values] of this.raw) {
      if (name.startsWith(`${prefix}.`) && name.length > prefix.length + 1) out.set(name.slice(prefix.length + 1), [...values]);
    }
    return out;
  }

  /** Validates the scalar parameters `names` with a zod object schema; the first problem is a 400 naming its parameter. */
  scalars<S extends z.ZodType>(schema: S, names: readonly string[]): z.infer<S> {
    const input: Record<string, string> = {};
    for (const n of names) {
      const v = this.one(n);
      if (v !== undefined) input[n] = v;
    }
    const parsed = schema.safeParse(input);
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0];
    const parameter = String(issue.path[0] ?? '');
    throw new AppError('bad_parameter', `Invalid ${parameter}: ${issue.message}`, { parameter });
  }
}
