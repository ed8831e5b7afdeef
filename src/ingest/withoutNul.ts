import type { FieldValue } from '../model/values';
import { emptyValues } from './rawRow';

/**
 * A typed value without its U+0000 characters, and how many there were. PostgreSQL stores
 * neither text nor jsonb holding one, so a single NUL in a file would otherwise fail the whole
 * publish. Strings are cleaned wherever they are: alone, in a list, in a geometry's foreign
 * members and their names; coordinates, which are numbers, are not walked.
 */
export function withoutNul(value: FieldValue): { value: FieldValue; removed: number } {
  const count = { removed: 0 };
  return { value: clean(value, count) as FieldValue, removed: count.removed };
}

function clean(v: unknown, count: { removed: number }): unknown {
  if (typeof v === 'string') return cleanText(v, count);
  if (Array.isArray(v)) {
    let out: unknown[] | undefined;
    v.forEach((item, i) => {
      const c = clean(item, count);
      if (c !== item) (out ??= [...v])[i] = c;
    });
    return out ?? v;
  }
  if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    let out: Record<string, unknown> | undefined;
    for (const key of Object.keys(o)) {
      if (key === 'coordinates') continue;
      const name = cleanText(key, count);
      const c = clean(o[key], count);
      if (name === key && c === o[key]) continue;
      out ??= { ...o };
      delete out[key];
      out[name] = c;
    }
    return out ?? v;
  }
  return v;
}

function cleanText(s: string, count: { removed: number }): string {
  if (!s.includes('\u0000')) return s;
  const out = s.replaceAll('\u0000', '');
  count.removed += s.length - out.length;
  return out;
}

/**
 * A row's values with U+0000 removed from their names (a JSON key can hold one, escaped as
 * `\u0000`), so that the name can be stored. A name that becomes another one already in the row
 * leaves that one's value as it was. The values themselves are cleaned later, with a warning.
 */
export function namesWithoutNul(values: Record<string, unknown>): Record<string, unknown> {
  if (!Object.keys(values).some((k) => k.includes('\u0000'))) return values;
  const out = emptyValues();
  for (const [key, value] of Object.entries(values)) {
    const name = key.replaceAll('\u0000', '');
    if (!Object.hasOwn(out, name)) out[name] = value;
  }
  return out;
}
