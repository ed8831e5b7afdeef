const TOKENS = /"(?:[^"\\]|\\.)*"|[,:]/g;

/**
 * JSON as ODS writes it: on one line with `", "` and `": "` separators (Python's default), or
 * indented by four spaces with `pretty_print=true`.
 */
export function jsonText(value: unknown, pretty: boolean): string {
  if (pretty) return JSON.stringify(value, null, 4);
  return JSON.stringify(value).replace(TOKENS, (t) => (t === ',' ? ', ' : t === ':' ? ': ' : t));
}
