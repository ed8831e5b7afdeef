/**
 * An array holding only numbers (and arrays of them, as coordinates do) written by JSON.stringify in
 * one native call, its `,` separators then widened: no string in it, so every comma is a separator.
 * Undefined when the array holds something quoted (strings, keys), for the general walk to write.
 */
function numbersText(value: readonly unknown[]): string | undefined {
  const text = JSON.stringify(value);
  // split/join builds one flat string; replaceAll builds a rope of a few characters per comma,
  // which every later write has to flatten (a third of an export's time on polygons).
  return text.includes('"') ? undefined : text.split(',').join(', ');
}

/** True when an array's first value is a number, or an array whose first value is (polygon coordinates). */
function looksNumeric(value: readonly unknown[]): boolean {
  let first: unknown = value[0];
  while (Array.isArray(first)) first = (first as unknown[])[0];
  return typeof first === 'number';
}

/**
 * `value` serialised as JSON.stringify would, but with Python's default separators (`", "` and
 * `": "`), written directly rather than by rescanning JSON.stringify's output (twice as fast on
 * large catalog pages). Strings, numbers and keys go through JSON.stringify itself.
 */
function compact(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  const withJson = value as { toJSON?: () => unknown };
  if (typeof withJson.toJSON === 'function') return compact(withJson.toJSON());
  if (Array.isArray(value)) {
    const numbers = looksNumeric(value) ? numbersText(value) : undefined;
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
    out += `${first ? '' : ', '}${JSON.stringify(k)}: ${compact(x)}`;
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
