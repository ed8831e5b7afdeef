import type { ExportWriter } from './formats/streamWriter';
import { jsonText } from './jsonText';

/**
 * One JSON array written piece by piece inside a larger JSON text, byte for byte as
 * `jsonText` would write the whole: the text up to and including the array's opening, the
 * separator between two items, how one item is written, and the text from the array's closing on.
 */
export interface JsonArrayPieces {
  head: string;
  between: string;
  item(value: unknown): string;
  tail: string;
}

/** A top-level array's pieces, compact or indented by four spaces (`pretty_print`). */
export function jsonArrayPieces(pretty: boolean): JsonArrayPieces {
  return arrayAt(pretty, '', '', '');
}

/** The text that stands for the array while the envelope around it is written once. */
const MARK = '\u0000items\u0000';

/**
 * The pieces of the array under `key` of `envelope` (a JSON object whose other members are
 * written once, in their order): what comes before the array and after it is `jsonText`'s own
 * writing of the envelope.
 */
export function jsonEnvelopePieces(envelope: Record<string, unknown>, key: string, pretty: boolean): JsonArrayPieces {
  const text = jsonText({ ...envelope, [key]: MARK }, pretty);
  const mark = JSON.stringify(MARK);
  const at = text.indexOf(mark);
  const before = text.slice(0, at);
  const indent = /^ */.exec(before.slice(before.lastIndexOf('\n') + 1))?.[0] ?? '';
  return arrayAt(pretty, indent, before, text.slice(at + mark.length));
}

function arrayAt(pretty: boolean, indent: string, before: string, after: string): JsonArrayPieces {
  if (!pretty) return { head: `${before}[`, between: ', ', item: (v) => jsonText(v, false), tail: `]${after}` };
  const inner = `${indent}    `;
  return {
    head: `${before}[\n${inner}`,
    between: `,\n${inner}`,
    item: (v) => JSON.stringify(v, null, 4).replaceAll('\n', `\n${inner}`),
    tail: `\n${indent}]${after}`,
  };
}

/**
 * A body of JSON pieces as a writer: each page's items (written by `item`), with the separator
 * before every item but the very first, however many pages came empty before it. A JSONP
 * format (`…jsonp` with its callback) wraps the whole.
 */
export function jsonPiecesWriter<T>(pieces: JsonArrayPieces, item: (value: T) => string, output: { format: string; callback?: string }, contentType: string): ExportWriter<T> {
  let written = false;
  const page = (values: readonly T[]): string => {
    if (values.length === 0) return '';
    const out = (written ? pieces.between : '') + values.map(item).join(pieces.between);
    written = true;
    return out;
  };
  const jsonp = output.format.endsWith('jsonp') && output.callback !== undefined;
  return {
    contentType: jsonp ? 'text/javascript; charset=utf-8' : contentType,
    headers: jsonp ? { 'X-Content-Type-Options': 'nosniff' } : {},
    head: `${jsonp ? `/**/${output.callback}(` : ''}${pieces.head}`,
    page,
    tail: `${pieces.tail}${jsonp ? ');' : ''}`,
  };
}
