import type { Literal, QueryNode, Span } from './ast';
import { QUERY_LIMITS } from './parse';
import { QueryError } from './queryError';

/** A parsed Lucene query: undefined stands for "everything" (`*:*`, or nothing to search). */
export type LuceneQuery = QueryNode | undefined;

const FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_.]*$/;
const SPECIAL = new Set(['(', ')', '"', '[', ']', '{', '}', ':', '^', '~']);
/** Inside a range, a bound may hold colons (`2020-01-01T00:00:00Z`). */
const RANGE_SPECIAL = new Set([']', '}']);
const isSpace = (c: string | undefined): boolean => c !== undefined && /\s/.test(c);

/** The field a clause is in (`f:` before it, or around its group), with where its name was written. */
interface Field { name: string; span: Span }

const both = (kind: 'and' | 'or', left: LuceneQuery, right: LuceneQuery): LuceneQuery => {
  if (left === undefined) return kind === 'and' ? right : undefined;
  if (right === undefined) return kind === 'and' ? left : undefined;
  return { kind, left, right, span: { start: left.span.start, end: right.span.end } };
};

/**
 * The subset of Solr's Lucene syntax that CKAN clients send in `q` and `fq`
 * (reference/ckan-d4c.md A2) → the query-language AST, so that it is planned against a schema like
 * any `q`: words, `"phrases"`, `field:value`, `field:(a OR b)`, `field:[a TO b]` and `{a TO b}`
 * (`*` for an open end), `field:*` (has a value), `*:*`, `AND`/`&&`, `OR`/`||`, `NOT`/`!`, `+`/`-`
 * prefixes, parentheses, and AND between clauses (CKAN's `q.op`). Wildcards inside a word are
 * dropped (a word already matches longer words), boosts and fuzziness are ignored. Nothing of the
 * text reaches Elasticsearch as query syntax. Bounded like the ODS parser.
 */
export function parseLucene(query: string): LuceneQuery {
  return new LuceneParser(query).parse();
}

class LuceneParser {
  private pos = 0;
  private depth = 0;
  private clauses = 0;

  constructor(private readonly q: string) {}

  parse(): LuceneQuery {
    if (this.q.length > QUERY_LIMITS.maxLength) this.fail(`query longer than ${QUERY_LIMITS.maxLength} characters`, QUERY_LIMITS.maxLength);
    if (this.q.trim() === '' || /^\s*(""|'')\s*$/.test(this.q)) return undefined;
    const node = this.orExpr(undefined);
    this.skipSpace();
    // A clause ends at the end of the text, at ")" or before OR, so only a ")" can be left.
    if (this.pos < this.q.length) this.fail('unbalanced ")"');
    return node;
  }

  private orExpr(field: Field | undefined): LuceneQuery {
    if (++this.depth > QUERY_LIMITS.maxDepth) this.fail(`query nested deeper than ${QUERY_LIMITS.maxDepth} levels`);
    let left = this.andExpr(field);
    while (this.operator('OR', '||')) left = both('or', left, this.andExpr(field));
    this.depth--;
    return left;
  }

  private andExpr(field: Field | undefined): LuceneQuery {
    let left = this.unary(field);
    for (;;) {
      this.skipSpace();
      const c = this.q[this.pos];
      if (c === undefined || c === ')' || this.peekOperator('OR', '||')) return left;
      this.operator('AND', '&&');
      left = both('and', left, this.unary(field));
    }
  }

  private unary(field: Field | undefined): LuceneQuery {
    this.skipSpace();
    const start = this.pos;
    if (++this.clauses > QUERY_LIMITS.maxClauses) this.fail(`more than ${QUERY_LIMITS.maxClauses} clauses`);
    if (this.operator('NOT', '!') || this.q[this.pos] === '-') {
      if (this.q[this.pos] === '-') this.pos++;
      const operand = this.unary(field);
      if (operand === undefined) this.fail('NOT of everything matches nothing', start);
      return { kind: 'not', operand, span: { start, end: operand.span.end } };
    }
    if (this.q[this.pos] === '+') this.pos++;
    return this.primary(field);
  }

  /** `from`: where the clause began, when it began with its field name (`title:eau` spans all nine characters). */
  private primary(field: Field | undefined, from?: number): LuceneQuery {
    this.skipSpace();
    const start = from ?? this.pos;
    const c = this.q[this.pos];
    if (c === '(') {
      this.pos++;
      const inner = this.orExpr(field);
      this.expect(')');
      this.modifiers();
      return inner;
    }
    if (c === '[' || c === '{') return this.range(field, start);
    if (c === '"') return this.term(field, this.phrase(), start);
    const word = this.word();
    if (this.q[this.pos] === ':' && (FIELD_NAME.test(word.text) || word.text === '*') && field === undefined) {
      this.pos++;
      return this.primary({ name: word.text, span: word.span }, start);
    }
    return this.term(field, word, start);
  }

  private term(field: Field | undefined, literal: Literal, start: number): LuceneQuery {
    this.modifiers();
    const span: Span = { start, end: this.pos };
    const text = literal.kind === 'word' ? literal.text.replace(/[*?]/g, '') : literal.text;
    if (field?.name === '*') {
      if (literal.text === '*') return undefined;
      return { kind: 'text', literal: { ...literal, text }, span };
    }
    if (text === '') {
      if (field === undefined) return undefined;
      const name: Literal = { kind: 'word', text: field.name, span: field.span };
      return { kind: 'not', operand: { kind: 'call', name: 'null', args: [name], span }, span };
    }
    const value: Literal = { ...literal, text };
    return field === undefined ? { kind: 'text', literal: value, span } : { kind: 'field', field: field.name, fieldSpan: field.span, op: ':', value, span };
  }

  private range(field: Field | undefined, start: number): LuceneQuery {
    const open = this.q[this.pos++];
    if (field === undefined || field.name === '*') this.fail('a range needs a field (field:[a TO b])', start);
    const name = field.name;
    const from = this.word(RANGE_SPECIAL);
    this.skipSpace();
    if (this.q.slice(this.pos, this.pos + 2) !== 'TO') this.fail('expected TO in range');
    this.pos += 2;
    const to = this.word(RANGE_SPECIAL);
    this.skipSpace();
    const close = this.q[this.pos];
    if (close !== ']' && close !== '}') this.fail('expected "]" or "}" to close the range');
    this.pos++;
    const span: Span = { start, end: this.pos };
    const bound = (lit: Literal, op: '>' | '<' | '>=' | '<='): LuceneQuery => (lit.text === '*' ? undefined : { kind: 'field', field: name, fieldSpan: field.span, op, value: lit, span });
    if (open === '[' && close === ']' && from.text !== '*' && to.text !== '*') return { kind: 'range', field: name, fieldSpan: field.span, from, to, span };
    return both('and', bound(from, open === '[' ? '>=' : '>'), bound(to, close === ']' ? '<=' : '<'));
  }

  private phrase(): Literal {
    const start = this.pos++;
    let text = '';
    while (this.pos < this.q.length && this.q[this.pos] !== '"') {
      if (this.q[this.pos] === '\\' && this.pos + 1 < this.q.length) this.pos++;
      text += this.q[this.pos++];
    }
    if (this.pos >= this.q.length) this.fail('unterminated phrase', start);
    this.pos++;
    return { kind: 'phrase', text, span: { start, end: this.pos } };
  }

  private word(special: ReadonlySet<string> = SPECIAL): Literal {
    this.skipSpace();
    const start = this.pos;
    let text = '';
    while (this.pos < this.q.length && !isSpace(this.q[this.pos]) && !special.has(this.q[this.pos])) {
      if (this.q[this.pos] === '\\' && this.pos + 1 < this.q.length) this.pos++;
      text += this.q[this.pos++];
    }
    if (text === '') this.fail(this.pos < this.q.length ? `unexpected "${this.q[this.pos]}"` : 'expected a search term');
    return { kind: 'word', text, span: { start, end: this.pos } };
  }

  /** `^boost` and `~fuzziness` after a term or group: accepted and ignored. */
  private modifiers(): void {
    while (this.q[this.pos] === '^' || this.q[this.pos] === '~') {
      this.pos++;
      while (/[0-9.]/.test(this.q[this.pos] ?? '')) this.pos++;
    }
  }

  private peekOperator(word: string, symbol: string): boolean {
    const rest = this.q.slice(this.pos);
    return rest.startsWith(symbol) || (rest.startsWith(word) && (rest.length === word.length || isSpace(rest[word.length]) || rest[word.length] === '('));
  }

  private operator(word: string, symbol: string): boolean {
    this.skipSpace();
    if (!this.peekOperator(word, symbol)) return false;
    this.pos += this.q.startsWith(symbol, this.pos) ? symbol.length : word.length;
    return true;
  }

  private expect(c: string): void {
    this.skipSpace();
    if (this.q[this.pos] !== c) this.fail(`expected "${c}"`);
    this.pos++;
  }

  private skipSpace(): void {
    while (isSpace(this.q[this.pos])) this.pos++;
  }

  private fail(message: string, position = this.pos): never {
    throw new QueryError(message, Math.min(position, this.q.length), this.q);
  }
}
