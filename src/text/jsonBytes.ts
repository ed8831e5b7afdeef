import { NEEDS_ESCAPE } from './jsonText';

const QUOTE = 0x22, BACKSLASH = 0x5c;
const HEX = '0123456789abcdef';
/** The one-letter escapes JSON.stringify writes, by character code; the other control characters get `\u00XX`. */
const SHORT_ESCAPES: Record<number, number> = { 0x08: 0x62, 0x09: 0x74, 0x0a: 0x6e, 0x0c: 0x66, 0x0d: 0x72 };

/** Where a value is written: kept from one call to the next, grown as a value needs, kept up to KEPT bytes. */
const START = 64 * 1024, KEPT = 4 * 1024 * 1024;
let out: Buffer = Buffer.allocUnsafe(START);
let at = 0;

/** Room for `n` more bytes. */
function room(n: number): void {
  if (at + n <= out.length) return;
  const grown = Buffer.allocUnsafe(Math.max(2 * out.length, at + n));
  out.copy(grown, 0, 0, at);
  out = grown;
}

/** Text known to be ASCII without escapes (separators, numbers, keys' punctuation). */
function ascii(text: string): void {
  room(text.length);
  const b = out;
  let o = at;
  for (let i = 0; i < text.length; i++) b[o++] = text.charCodeAt(i);
  at = o;
}

/** `, ` between two items or members. */
function comma(): void {
  room(2);
  out[at++] = 0x2c;
  out[at++] = 0x20;
}

/** `\uXXXX` for a code unit JSON.stringify escapes that way (a control character, half of a surrogate pair alone), written at `o`; returns the end. */
function unicodeEscape(b: Buffer, o: number, unit: number): number {
  b[o++] = BACKSLASH;
  b[o++] = 0x75;
  for (let shift = 12; shift >= 0; shift -= 4) b[o++] = HEX.charCodeAt((unit >> shift) & 15);
  return o;
}

/** A code unit under 0x80 that JSON.stringify escapes (a quote, a backslash, a control character), written at `o`; returns the end. */
function asciiEscape(b: Buffer, o: number, unit: number): number {
  const letter = SHORT_ESCAPES[unit];
  if (unit !== QUOTE && unit !== BACKSLASH && letter === undefined) return unicodeEscape(b, o, unit);
  b[o++] = BACKSLASH;
  b[o++] = letter ?? unit;
  return o;
}

/**
 * A string as JSON.stringify writes it, in UTF-8, unit by unit: six bytes a unit at most
 * (`\uXXXX`). The buffer and the position are read into locals for the loop.
 */
function stringByUnits(text: string): void {
  room(6 * text.length + 2);
  const b = out;
  let o = at;
  b[o++] = QUOTE;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) {
      if (unit >= 0x20 && unit !== QUOTE && unit !== BACKSLASH) b[o++] = unit;
      else o = asciiEscape(b, o, unit);
    } else if (unit < 0x800) {
      b[o++] = 0xc0 | (unit >> 6);
      b[o++] = 0x80 | (unit & 63);
    } else if (unit < 0xd800 || unit > 0xdfff) {
      b[o++] = 0xe0 | (unit >> 12);
      b[o++] = 0x80 | ((unit >> 6) & 63);
      b[o++] = 0x80 | (unit & 63);
    } else {
      const low = text.charCodeAt(i + 1);
      if (unit > 0xdbff || !(low >= 0xdc00 && low <= 0xdfff)) { o = unicodeEscape(b, o, unit); continue; }
      const point = 0x10000 + ((unit - 0xd800) << 10) + (low - 0xdc00);
      i++;
      b[o++] = 0xf0 | (point >> 18);
      b[o++] = 0x80 | ((point >> 12) & 63);
      b[o++] = 0x80 | ((point >> 6) & 63);
      b[o++] = 0x80 | (point & 63);
    }
  }
  b[o++] = QUOTE;
  at = o;
}

/** A string: a long one with nothing to escape is encoded by one native call, the others unit by unit. */
function string(text: string): void {
  if (text.length <= 64 || NEEDS_ESCAPE.test(text)) { stringByUnits(text); return; }
  room(3 * text.length + 2);
  out[at++] = QUOTE;
  at += out.write(text, at, 'utf8');
  out[at++] = QUOTE;
}

/** What JSON.stringify leaves out of an object (and writes as null in an array). */
const isLeftOut = (x: unknown): boolean => x === undefined || typeof x === 'function' || typeof x === 'symbol';

function value(v: unknown): void {
  if (typeof v === 'string') return string(v);
  if (typeof v === 'number') return ascii(Number.isFinite(v) ? String(v) : 'null');
  if (v === null || typeof v !== 'object') return ascii(JSON.stringify(v) ?? 'null');
  const withJson = v as { toJSON?: () => unknown };
  if (typeof withJson.toJSON === 'function') return value(withJson.toJSON());
  if (Array.isArray(v)) {
    ascii('[');
    for (let i = 0; i < v.length; i++) {
      if (i) comma();
      const x: unknown = v[i];
      if (isLeftOut(x)) ascii('null');
      else value(x);
    }
    return ascii(']');
  }
  ascii('{');
  let first = true;
  const record = v as Record<string, unknown>;
  for (const k in record) {
    if (!Object.hasOwn(record, k)) continue;
    const x = record[k];
    if (isLeftOut(x)) continue;
    if (!first) comma();
    string(k);
    ascii(': ');
    value(x);
    first = false;
  }
  ascii('}');
}

/**
 * `value` as jsonText writes it compact, as UTF-8 bytes written straight into a kept buffer: the
 * same bytes as `Buffer.from(jsonText(value, false))`, without building the text. A page's facet
 * groups (hundreds of small objects) written as text were most of the heap a catalog page
 * allocated (586 KB of 934 KB): each `+=` a new string, then the whole text flattened and encoded.
 */
export function jsonBytes(v: unknown): Buffer {
  at = 0;
  value(v);
  const bytes = Buffer.from(out.subarray(0, at));
  if (out.length > KEPT) out = Buffer.allocUnsafe(START);
  return bytes;
}
