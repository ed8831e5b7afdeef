import { randomUUID } from 'node:crypto';
import type { ExportWriter } from './formats/streamWriter';
import { jsonText } from '../text/jsonText';
import { jsonpFrame } from './jsonp';
import { isJsonpFormat } from '../model/jsonpFormat';
import type { WrittenRecord } from '../model/searchResult';

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

/**
 * The value that stands for the array (or string) written in pieces while the body around it is
 * written once. It is found again by searching the body's text, so it is drawn at random for each
 * process: a fixed one, held by any text written before the array (a field's label in a
 * DataStore answer; parameters holding NUL are refused with a 400), would be found first and the
 * page would come out broken.
 */
export const PIECES_MARK = `\u0000items ${randomUUID()}\u0000`;

/**
 * The pieces of the array under `key` of `envelope` (a JSON object whose other members are
 * written once, in their order): what comes before the array and after it is `jsonText`'s own
 * writing of the envelope.
 */
export function jsonEnvelopePieces(envelope: Record<string, unknown>, key: string, pretty: boolean): JsonArrayPieces {
  return jsonPiecesAt({ ...envelope, [key]: PIECES_MARK }, pretty);
}

/** The text of `body` before and after the one place that holds PIECES_MARK, at any depth. */
function around(body: unknown, pretty: boolean): { before: string; after: string } {
  const text = jsonText(body, pretty);
  const mark = JSON.stringify(PIECES_MARK);
  const at = text.indexOf(mark);
  if (at < 0) throw new Error('the body holds no place for its pieces');
  return { before: text.slice(0, at), after: text.slice(at + mark.length) };
}

/** The pieces of the array that stands where `body` holds PIECES_MARK. */
export function jsonPiecesAt(body: unknown, pretty: boolean): JsonArrayPieces {
  const { before, after } = around(body, pretty);
  const indent = /^ */.exec(before.slice(before.lastIndexOf('\n') + 1))?.[0] ?? '';
  return arrayAt(pretty, indent, before, after);
}

/** The pieces of the string that stands where `body` holds PIECES_MARK: each piece is a part of its text. */
export function jsonStringPiecesAt(body: unknown, pretty: boolean): JsonArrayPieces {
  const { before, after } = around(body, pretty);
  return { head: `${before}"`, between: '', item: (v) => JSON.stringify(String(v)).slice(1, -1), tail: `"${after}` };
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
  return { ...jsonPiecesFrame(pieces, output, contentType), page };
}

/**
 * The same writer for records kept written: each page's bytes as `items` makes them
 * (writtenRecordItems), with the separator before every record but the very first.
 */
export function writtenPiecesWriter(pieces: JsonArrayPieces, items: (records: readonly WrittenRecord[], first: boolean) => Uint8Array, output: { format: string; callback?: string }, contentType: string): ExportWriter<WrittenRecord, Uint8Array> {
  let written = false;
  const page = (records: readonly WrittenRecord[]): Uint8Array => {
    if (records.length === 0) return NO_BYTES;
    const out = items(records, !written);
    written = true;
    return out;
  };
  return { ...jsonPiecesFrame(pieces, output, contentType), page };
}

const NO_BYTES = new Uint8Array(0);

/** What a writer of JSON pieces sends around its pages: its type and headers, its head and tail, with a JSONP format's frame. */
function jsonPiecesFrame(pieces: JsonArrayPieces, output: { format: string; callback?: string }, contentType: string): { contentType: string; headers: Record<string, string>; head: string; tail: string } {
  const frame = isJsonpFormat(output.format) && output.callback !== undefined ? jsonpFrame(output.callback) : undefined;
  return {
    contentType: frame?.contentType ?? contentType,
    headers: frame?.headers ?? {},
    head: `${frame?.head ?? ''}${pieces.head}`,
    tail: `${pieces.tail}${frame?.tail ?? ''}`,
  };
}
