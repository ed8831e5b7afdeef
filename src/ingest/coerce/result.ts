/** What coercing one raw value gives: a value, nothing (empty input), or a reason it was refused. */
export type Coerced<T> = { kind: 'value'; value: T } | { kind: 'empty' } | { kind: 'invalid'; reason: string };

export const value = <T>(v: T): Coerced<T> => ({ kind: 'value', value: v });
export const empty: Coerced<never> = { kind: 'empty' };
export const invalid = (reason: string): Coerced<never> => ({ kind: 'invalid', reason });

/** Null, undefined, blank strings and empty arrays all mean "no value" (ODS omits them). */
export function isBlank(raw: unknown): boolean {
  return raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === '') || (Array.isArray(raw) && raw.length === 0);
}

export function show(raw: unknown): string {
  const s = typeof raw === 'string' ? raw : JSON.stringify(raw) ?? String(raw);
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}
