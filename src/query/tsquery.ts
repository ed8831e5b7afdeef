import type { Span } from './ast';
import { QUERY_LIMITS } from './parse';
import { QueryError } from './queryError';

/**
 * A PostgreSQL text-search query (`to_tsquery` syntax) as parsed: lexemes (a word or a quoted
 * text, `:*` for a prefix), `!`, `&`, `|` and `<->` (followed by), with where each came from.
 */
export type TsQueryNode =
  | { kind: 'and' | 'or'; clauses: TsQueryNode[]; span: Span }
  | { kind: 'not'; operand: TsQueryNode; span: Span }
  | { kind: 'lexeme'; text: string; prefix: boolean; span: Span }
  /** Words that must follow one another (`a <-> b`, or a quoted text). */
  | { kind: 'followedBy'; words: string[]; span: Span };

/** Characters that are syntax outside quotes. */
const SYNTAX = new Set(['&', '|', '!', '(', ')', '<', ':', "'"]);
const isSpace = (c: string | undefined): boolean => c !== undefined && /\s/.test(c);

/**
 * Parses a query in PostgreSQL's `to_tsquery` syntax, which CKAN's `datastore_search` takes with
 * `plain=false` (reference/ckan-d4c.md A4): `&` (and), `|` (or), `!` (not), parentheses, `:*`
 * after a lexeme (prefix), `<->` between lexemes (adjacent words), `'quoted text'` (its words in
 * order, `''` or `\'` for a quote) and `\` escaping one character. Precedence as PostgreSQL's:
 * `!` binds tightest, then `<->`, then `&`, then `|`. Words side by side without an operator, weights
 * (`:A`…`:D`) and distances other than `<->` are refused, each with its position. Bounded like the
 * ODS parser. An empty query is undefined (nothing to search).
 */
export function parseTsQuery(query: string): TsQueryNode | undefined {
  return new TsQueryParser(query).parse();
}

class TsQueryParser {
  private pos = 0;
  private depth = 0;
  private clauses = 0;

  constructor(private readonly q: string) {}

  parse(): TsQueryNode | undefined {
    if (this.q.length > QUERY_LIMITS.maxLength) this.fail(`query longer than ${QUERY_LIMITS.maxLength} characters`, QUERY_LIMITS.maxLength);
    this.skipSpace();
    if (this.pos >= this.q.length) return undefined;
    const node = this.or();
    this.skipSpace();
    if (this.pos < this.q.length) {
      const c = this.q[this.pos];
      this.fail(c === ')' ? 'unbalanced ")"' : SYNTAX.has(c) ? `unexpected "${c}"` : 'expected an operator (&, |, <->) between two words');
    }
    return node;
  }

  private or(): TsQueryNode {
    if (++this.depth > QUERY_LIMITS.maxDepth) this.fail(`query nested deeper than ${QUERY_LIMITS.maxDepth} levels`);
    const parts = [this.and()];
    while (this.take('|')) parts.push(this.and());
    this.depth--;
    return this.join('or', parts);
  }

  private and(): TsQueryNode {
    const parts = [this.followedBy()];
    while (this.take('&')) parts.push(this.followedBy());
    return this.join('and', parts);
  }

  private followedBy(): TsQueryNode {
    const first = this.unary();
    const words = [first];
    for (;;) {
      this.skipSpace();
      const at = this.pos;
      if (!this.q.startsWith('<', at)) break;
      const m = /^<(-|\d+)>/.exec(this.q.slice(at, at + 12));
      if (!m) this.fail('expected "<->"');
      if (m[1] !== '-' && m[1] !== '1') this.fail(`distance ${m[0]} is not supported: only <-> (adjacent words)`);
      this.pos += m[0].length;
      words.push(this.unary());
    }
    if (words.length === 1) return first;
    const texts = words.map((w) => {
      if (w.kind === 'lexeme' && !w.prefix) return w.text;
      if (w.kind === 'followedBy') return w.words.join(' ');
      return this.fail('<-> joins whole words only (no :*, !, & or | around it)', w.span.start);
    });
    return { kind: 'followedBy', words: texts, span: { start: first.span.start, end: words[words.length - 1].span.end } };
  }

  private unary(): TsQueryNode {
    this.skipSpace();
    const start = this.pos;
    if (++this.clauses > QUERY_LIMITS.maxClauses) this.fail(`more than ${QUERY_LIMITS.maxClauses} clauses`);
    if (this.take('!')) {
      const operand = this.unary();
      return { kind: 'not', operand, span: { start, end: operand.span.end } };
    }
    if (this.take('(')) {
      const inner = this.or();
      this.skipSpace();
      if (this.q[this.pos] !== ')') this.fail('expected ")"');
      this.pos++;
      return { ...inner, span: { start, end: this.pos } };
    }
    return this.lexeme();
  }

  private lexeme(): TsQueryNode {
    const start = this.pos;
    const quoted = this.q[this.pos] === "'";
    const text = quoted ? this.quoted() : this.word();
    let prefix = false;
    if (this.q[this.pos] === ':') {
      const m = /^:([*A-Za-z]*)/.exec(this.q.slice(this.pos, this.pos + 8))!;
      const marks = m[1];
      if (marks === '') this.fail('expected "*" after ":" (prefix search, word:*)');
      if (/[^*]/.test(marks)) this.fail(`weights (${m[0]}) are not supported: only :* (prefix search)`);
      prefix = true;
      this.pos += m[0].length;
    }
    const span: Span = { start, end: this.pos };
    const words = text.trim().split(/\s+/);
    if (quoted && words.length > 1 && !prefix) return { kind: 'followedBy', words, span };
    return { kind: 'lexeme', text, prefix, span };
  }

  private quoted(): string {
    const start = this.pos++;
    let text = '';
    for (;;) {
      if (this.pos >= this.q.length) this.fail('unterminated quoted text', start);
      const c = this.q[this.pos];
      if (c === '\\' && this.pos + 1 < this.q.length) { text += this.q[this.pos + 1]; this.pos += 2; continue; }
      if (c === "'" && this.q[this.pos + 1] === "'") { text += "'"; this.pos += 2; continue; }
      if (c === "'") { this.pos++; break; }
      text += c;
      this.pos++;
    }
    if (text.trim() === '') this.fail('empty quoted text', start);
    return text;
  }

  private word(): string {
    let text = '';
    while (this.pos < this.q.length && !isSpace(this.q[this.pos]) && !SYNTAX.has(this.q[this.pos])) {
      if (this.q[this.pos] === '\\' && this.pos + 1 < this.q.length) this.pos++;
      text += this.q[this.pos++];
    }
    if (text === '') this.fail(this.pos < this.q.length ? `unexpected "${this.q[this.pos]}"` : 'expected a word');
    return text;
  }

  private join(kind: 'and' | 'or', parts: TsQueryNode[]): TsQueryNode {
    if (parts.length === 1) return parts[0];
    return { kind, clauses: parts, span: { start: parts[0].span.start, end: parts[parts.length - 1].span.end } };
  }

  private take(c: string): boolean {
    this.skipSpace();
    if (this.q[this.pos] !== c) return false;
    this.pos++;
    return true;
  }

  private skipSpace(): void {
    while (isSpace(this.q[this.pos])) this.pos++;
  }

  private fail(message: string, position = this.pos): never {
    throw new QueryError(message, Math.min(position, this.q.length), this.q);
  }
}
