import { widenJson } from './widenJson';

/**
 * An array whose first value is a number (or an array of them, as coordinates are) written by
 * JSON.stringify in one native call, its separators then widened outside strings (widenJson):
 * one flat string, not a walk of every number.
 */
const numbersText = (value: readonly unknown[]): string => widenJson(JSON.stringify(value));

/** A short array of numbers only (a point, a bbox) written directly: for two numbers the native call and the split cost several times more. */
function shortNumbersText(value: readonly unknown[]): string | undefined {
  if (value.length > 16) return undefined;
  let out = '[';
  for (let i = 0; i < value.length; i++) {
    const x = value[i];
    if (typeof x !== 'number') return undefined;
    out += (i ? ', ' : '') + (Number.isFinite(x) ? String(x) : 'null');
  }
  return `${out}]`;
}

/** True when an array's first value is a number, or an array whose first value is (polygon coordinates). */
function looksNumeric(value: readonly unknown[]): boolean {
  let first: unknown = value[0];
  while (Array.isArray(first)) first = (first as unknown[])[0];
  return typeof first === 'number';
}

/** A character JSON.stringify would escape: a quote, a backslash, a control character, or half of a surrogate pair. */
// eslint-disable-next-line no-control-regex -- the control characters are what JSON.stringify escapes
export const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

/**
 * A string as JSON.stringify writes it. Most texts of a page (facet values, keys, short metas)
 * need no escape, and quoting them here saves a native call each: a third of a page of 600
 * facet values was spent calling JSON.stringify on short strings. A long text (a description)
 * goes to JSON.stringify at once, which reads it once and gives one flat string.
 */
export const jsonString = (text: string): string => (text.length > 64 || NEEDS_ESCAPE.test(text) ? JSON.stringify(text) : `"${text}"`);

/** Keys with their separator, `"name": `: a page repeats a few keys thousands of times. Bounded, since data objects may hold any keys. */
const KEYS = new Map<string, string>();
const KEYS_KEPT = 4096;

function keyText(key: string): string {
  let text = KEYS.get(key);
  if (text === undefined) {
    text = `${jsonString(key)}: `;
    if (KEYS.size < KEYS_KEPT) KEYS.set(key, text);
  }
  return text;
}

/**
 * `value` serialised as JSON.stringify would, but with Python's default separators (`", "` and
 * `": "`), written directly rather than by rescanning JSON.stringify's output (twice as fast on
 * large catalog pages). Numbers are written as JSON.stringify writes them (String, or null when
 * not finite); strings and keys by `jsonString`.
 */
function compact(value: unknown): string {
  if (typeof value === 'string') return jsonString(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  const withJson = value as { toJSON?: () => unknown };
  if (typeof withJson.toJSON === 'function') return compact(withJson.toJSON());
  if (Array.isArray(value)) {
    const numbers = looksNumeric(value) ? (shortNumbersText(value) ?? numbersText(value)) : undefined;
    if (numbers !== undefined) return numbers;
    let out = '[';
    for (let i = 0; i < value.length; i++) {
      const x: unknown = value[i];
      out += (i ? ', ' : '') + (x === undefined || typeof x === 'function' || typeof x === 'symbol' ? 'null' : compact(x));
    }
    return `${out}]`;
  }
  let out = '{';
  let first = true;
  const record = value as Record<string, unknown>;
  // for…in (own keys only) is much faster than Object.entries on large pages; same key order.
  for (const k in record) {
    if (!Object.hasOwn(record, k)) continue;
    const x = record[k];
    if (x === undefined || typeof x === 'function' || typeof x === 'symbol') continue;
    out += (first ? '' : ', ') + keyText(k) + compact(x);
    first = false;
  }
  return `${out}}`;
}

/**
 * JSON as ODS writes it: on one line with `", "` and `": "` separators (Python's default), or
 * indented by four spaces with `pretty_print=true`.
 */
export function jsonText(value: unknown, pretty: boolean): string {
  return pretty ? JSON.stringify(value, null, 4) : compact(value);
}
