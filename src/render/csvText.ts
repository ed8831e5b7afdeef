/** Cells a spreadsheet would run as a formula start with one of these (OWASP CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?\d+([.,]\d+)?$/;
const MUST_QUOTE = /["\r\n\u2028\u2029]/;

/** One CSV cell: formula-like text neutralised with a leading `'`, NUL dropped, quoted when it must be (RFC 4180). */
export function csvCell(value: string | number | undefined, separator: string): string {
  if (value === undefined) return '';
  if (typeof value === 'number') return String(value);
  let text = value.includes('\u0000') ? value.split('\u0000').join('') : value;
  if (FORMULA_START.test(text) && !PLAIN_NUMBER.test(text)) text = `'${text}`;
  const needsQuotes = text.includes(separator) || MUST_QUOTE.test(text);
  return needsQuotes ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV line, CRLF-terminated. */
export const csvLine = (cells: Array<string | number | undefined>, separator: string): string =>
  `${cells.map((c) => csvCell(c, separator)).join(separator)}\r\n`;
