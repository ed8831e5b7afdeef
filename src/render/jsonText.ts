/** The index just past the string literal that opens at `i` in JSON text. */
function endOfString(s: string, i: number): number {
  for (let q = s.indexOf('"', i + 1); ; q = s.indexOf('"', q + 1)) {
    let backslashes = 0;
    while (s.charCodeAt(q - 1 - backslashes) === 92) backslashes++;
    if (backslashes % 2 === 0) return q + 1;
  }
}

/**
 * JSON as ODS writes it: on one line with `", "` and `": "` separators (Python's default), or
 * indented by four spaces with `pretty_print=true`. The compact form is JSON.stringify's output
 * with a space after every `,` and `:` that is not inside a string.
 */
export function jsonText(value: unknown, pretty: boolean): string {
  if (pretty) return JSON.stringify(value, null, 4);
  const s = JSON.stringify(value) ?? 'null';
  const parts: string[] = [];
  let start = 0;
  for (let i = 0; i < s.length;) {
    const c = s.charCodeAt(i);
    if (c === 34) { i = endOfString(s, i); continue; }
    if (c === 44 || c === 58) { parts.push(s.slice(start, i + 1)); start = i + 1; }
    i++;
  }
  parts.push(s.slice(start));
  return parts.join(' ');
}
