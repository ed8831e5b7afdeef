import type { Span } from '../ast';
import { QueryError } from '../queryError';

/**
 * A token of CQL2 text: a word (a keyword, a function or a property name; `"quoted"` names are
 * words too, never keywords), a string literal (`'it''s'` or `'it\'s'`), a number, or punctuation.
 */
export type Cql2Token =
  | { kind: 'word'; text: string; quoted: boolean; span: Span }
  | { kind: 'string'; value: string; span: Span }
  | { kind: 'number'; value: number; span: Span }
  | { kind: 'punct'; text: '(' | ')' | ',' | '=' | '<>' | '<' | '<=' | '>' | '>='; span: Span }
  | { kind: 'end'; span: Span };

/** An identifier starts with a letter, `_` or `:`, and goes on with those, digits, `.` and combining marks (21-065r2, Annex A `identifier`). */
const WORD_START = /[\p{L}_:]/u;
const WORD_PART = /[\p{L}\p{N}\p{M}_.:\u203F\u2040]/u;
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?/;
const PUNCT = ['<>', '<=', '>=', '(', ')', ',', '=', '<', '>'] as const;
/**
 * The backslash escapes of a character literal (OGC 21-065r2, /req/cql2-text/escaping): an
 * embedded quote, the backslash itself, and BEL, BS, HT, LF, VT, FF, CR.
 */
const ESCAPES: Readonly<Record<string, string>> = {
  "'": "'", '\\': '\\', a: '\x07', b: '\b', t: '\t', n: '\n', v: '\v', f: '\f', r: '\r',
};

/** CQL2 text → tokens, each with its span; an unterminated string or an unknown character is a QueryError at its position. */
export function cql2Tokens(text: string): Cql2Token[] {
  const out: Cql2Token[] = [];
  let i = 0;
  const fail = (message: string, at: number): never => { throw new QueryError(message, at, text); };
  while (i < text.length) {
    const c = text[i];
    if (/\s/.test(c)) { i++; continue; }
    const start = i;
    if (c === "'" || c === '"') {
      let value = '';
      i++;
      for (;;) {
        if (i >= text.length) fail(c === "'" ? 'unterminated string: a closing \' is missing' : 'unterminated quoted name: a closing " is missing', start);
        if (text[i] === c && text[i + 1] === c) { value += c; i += 2; continue; }
        if (text[i] === c) { i++; break; }
        if (c === "'" && text[i] === '\\' && i + 1 < text.length) {
          // A backslash pair: a known escape is decoded; any other (\% or \_ of a LIKE pattern) is kept whole.
          const pair = text[i + 1];
          value += ESCAPES[pair] ?? `\\${pair}`;
          i += 2;
          continue;
        }
        value += text[i++];
      }
      out.push(c === "'" ? { kind: 'string', value, span: { start, end: i } } : { kind: 'word', text: value, quoted: true, span: { start, end: i } });
      continue;
    }
    const number = /[\d.+-]/.test(c) ? NUMBER.exec(text.slice(i)) : null;
    if (number) {
      i += number[0].length;
      out.push({ kind: 'number', value: Number(number[0]), span: { start, end: i } });
      continue;
    }
    if (WORD_START.test(c)) {
      while (i < text.length && WORD_PART.test(text[i])) i++;
      out.push({ kind: 'word', text: text.slice(start, i), quoted: false, span: { start, end: i } });
      continue;
    }
    const punct = PUNCT.find((p) => text.startsWith(p, i));
    if (!punct) fail(`unexpected character "${c}"`, i);
    i += punct!.length;
    out.push({ kind: 'punct', text: punct!, span: { start, end: i } });
  }
  out.push({ kind: 'end', span: { start: text.length, end: text.length } });
  return out;
}
