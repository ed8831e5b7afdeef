import { Argument, Call, FieldOperator, FUNCTIONS, Literal, QueryNode } from './ast';
import { QueryError } from './queryError';

export const QUERY_LIMITS = { maxLength: 10000, maxDepth: 32, maxClauses: 1024 } as const;

const FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_.]*$/;
const isSpace = (c: string | undefined): boolean => c !== undefined && /\s/.test(c);
const OPERATORS: FieldOperator[] = ['==', '>=', '<=', ':', '=', '>', '<'];

/**
 * The ODS query language (reference/ods-v1.md §4) → AST. Precedence NOT > AND > OR; a space
 * between operands is AND; `f:v`, `f=v`, `f==v`, `f>v`, `f<v`, `f>=v`, `f<=v`, `f:[a TO b]`;
 * `#function(args)`. Characters that are syntax elsewhere are text inside a word (`C++`, `AT&T`,
 * `3/4`, `12:30`): an operator only follows something shaped like a field name. Errors carry the
 * position of the problem. Depth, length and clause count are bounded, so no input can exhaust
 * the stack or the CPU.
 */
export function parseQuery(query: string): QueryNode {
  return new Parser(query).parse();
}

class Parser {
  private pos = 0;
  private depth = 0;
  private clauses = 0;

  constructor(private readonly q: string) {}

  parse(): QueryNode {
    if (this.q.length > QUERY_LIMITS.maxLength) this.fail(`query longer than ${QUERY_LIMITS.maxLength} characters`, QUERY_LIMITS.maxLength);
    this.skipSpace();
    if (this.atEnd()) this.fail('empty query');
    const node = this.orExpr();
    this.skipSpace();
    // An operand ends at the end of the text, at ")" or before OR, so only a ")" can be left.
    if (!this.atEnd()) this.fail('unbalanced ")"');
    return node;
  }

  private orExpr(): QueryNode {
    let left = this.andExpr();
    while (this.keyword('OR')) {
      this.skipSpace();
      if (this.endsOperand()) this.fail('expected an operand after OR');
      const right = this.andExpr();
      left = { kind: 'or', left, right, span: { start: left.span.start, end: right.span.end } };
    }
    return left;
  }

  private andExpr(): QueryNode {
    let left = this.notExpr();
    for (;;) {
      const save = this.pos;
      if (this.keyword('OR')) { this.pos = save; return left; }
      const explicit = this.keyword('AND');
      this.skipSpace();
      if (this.endsOperand()) {
        if (explicit) this.fail('expected an operand after AND');
        this.pos = save;
        return left;
      }
      const right = this.notExpr();
      left = { kind: 'and', left, right, span: { start: left.span.start, end: right.span.end } };
    }
  }

  private notExpr(): QueryNode {
    this.skipSpace();
    const start = this.pos;
    if (this.keyword('NOT')) {
      this.skipSpace();
      if (this.endsOperand()) this.fail('expected an operand after NOT');
      const operand = this.nested(() => this.notExpr());
      return { kind: 'not', operand, span: { start, end: operand.span.end } };
    }
    return this.primary();
  }

  private primary(): QueryNode {
    this.skipSpace();
    const start = this.pos;
    const c = this.peek();
    if (c === '(') {
      this.pos++;
      this.skipSpace();
      if (this.peek() === ')') this.fail('empty parentheses');
      const inner = this.nested(() => this.orExpr());
      this.skipSpace();
      if (this.peek() !== ')') this.fail('missing ")"', this.atEnd() ? this.q.length : this.pos);
      this.pos++;
      return { ...inner, span: { start, end: this.pos } };
    }
    if (c === ')') this.fail('unbalanced ")"');
    this.countClause();
    if (c === '"') return { kind: 'text', literal: this.phrase(), span: { start, end: this.pos } };
    if (this.atCall()) return this.call();
    const word = this.word();
    if (/^[:=<>]+$/.test(word.text)) this.fail(`expected a field name before "${word.text}"`, word.span.start);
    const op = FIELD_NAME.test(word.text) ? this.operator() : undefined;
    if (!op) return { kind: 'text', literal: word, span: word.span };
    return this.fieldQuery(word, op);
  }

  private fieldQuery(field: Literal, op: FieldOperator): QueryNode {
    this.skipSpace();
    const c = this.peek();
    if (c === undefined || c === ')' || isSpace(c)) this.fail(`expected a value after "${field.text}${op}"`);
    if (c === '[' && (op === ':' || op === '=')) return this.range(field);
    const value = this.value();
    return { kind: 'field', field: field.text, fieldSpan: field.span, op, value, span: { start: field.span.start, end: this.pos } };
  }

  private range(field: Literal): QueryNode {
    this.pos++; // [
    this.skipSpace();
    const from = this.value(true);
    this.skipSpace();
    if (!this.q.startsWith('TO', this.pos) || !isSpace(this.q[this.pos + 2])) this.fail('expected "TO" in a range');
    this.pos += 2;
    this.skipSpace();
    if (this.peek() === ']') this.fail('expected a value after TO');
    const to = this.value(true);
    this.skipSpace();
    if (this.peek() !== ']') this.fail('missing "]" at the end of the range');
    this.pos++;
    return { kind: 'range', field: field.text, fieldSpan: field.span, from, to, span: { start: field.span.start, end: this.pos } };
  }

  private value(inRange = false): Literal | Call {
    const c = this.peek();
    if (c === '"') return this.phrase();
    if (this.atCall()) return this.call();
    const start = this.pos;
    while (!this.atEnd() && !isSpace(this.peek()) && this.peek() !== ')' && this.peek() !== '"' && !(inRange && this.peek() === ']')) this.pos++;
    if (this.pos === start) this.fail('expected a value');
    return { kind: 'word', text: this.q.slice(start, this.pos), span: { start, end: this.pos } };
  }

  private call(): Call {
    const start = this.pos;
    this.pos++; // #
    const nameStart = this.pos;
    while (/[a-z]/i.test(this.peek() ?? '')) this.pos++;
    const name = this.q.slice(nameStart, this.pos);
    if (!(FUNCTIONS as readonly string[]).includes(name.toLowerCase())) {
      this.fail(`unknown function #${name} (known: ${FUNCTIONS.map((f) => `#${f}`).join(', ')})`, start);
    }
    if (this.peek() !== '(') this.fail(`expected "(" after #${name}`);
    this.pos++;
    const args: Argument[] = [];
    this.skipSpace();
    if (this.peek() === ')') this.pos++;
    else for (;;) {
      this.skipSpace();
      args.push(this.argument());
      this.skipSpace();
      if (this.peek() === ',') { this.pos++; continue; }
      if (this.peek() === ')') { this.pos++; break; }
      this.fail(this.atEnd() ? `missing ")" after the arguments of #${name}` : 'expected "," or ")" in the arguments');
    }
    return { kind: 'call', name: name.toLowerCase(), args, span: { start, end: this.pos } };
  }

  private argument(): Argument {
    const start = this.pos;
    if (this.peek() === '"') return this.phrase();
    if (this.peek() === '*') { this.pos++; return { kind: 'star', span: { start, end: this.pos } }; }
    let depth = 0;
    while (!this.atEnd()) {
      const c = this.peek();
      if (c === '(') depth++;
      else if (c === ')') { if (depth === 0) break; depth--; } else if ((c === ',' && depth === 0) || c === '"') break;
      this.pos++;
    }
    const text = this.q.slice(start, this.pos).trim();
    if (text === '') this.fail('empty argument');
    const named = /^([a-z]+)\s*=\s*(.+)$/i.exec(text);
    const span = { start, end: this.pos };
    return named ? { kind: 'named', name: named[1], value: named[2], span } : { kind: 'word', text, span };
  }

  private phrase(): Literal {
    const start = this.pos;
    this.pos++;
    let text = '';
    while (!this.atEnd() && this.peek() !== '"') {
      if (this.peek() === '\\' && this.pos + 1 < this.q.length) this.pos++;
      text += this.q[this.pos++];
    }
    if (this.atEnd()) this.fail('unbalanced quote', start);
    this.pos++;
    if (text.trim() === '') this.fail('empty phrase', start);
    return { kind: 'phrase', text, span: { start, end: this.pos } };
  }

  /** A bare word; it stops before an operator when it is shaped like a field name. */
  private word(): Literal {
    const start = this.pos;
    while (!this.atEnd()) {
      const c = this.peek()!;
      if (isSpace(c) || c === '(' || c === ')' || c === '"') break;
      if (':=<>'.includes(c) && FIELD_NAME.test(this.q.slice(start, this.pos))) break;
      this.pos++;
    }
    // Spaces, "(", ")" and '"' are taken before a word is read: only the end of the text leaves it empty.
    if (this.pos === start) this.fail('the query ends where a word or a value was expected');
    return { kind: 'word', text: this.q.slice(start, this.pos), span: { start, end: this.pos } };
  }

  private operator(): FieldOperator | undefined {
    const save = this.pos;
    this.skipSpace();
    const op = OPERATORS.find((o) => this.q.startsWith(o, this.pos));
    if (!op) { this.pos = save; return undefined; }
    this.pos += op.length;
    return op;
  }

  private keyword(word: 'AND' | 'OR' | 'NOT'): boolean {
    const save = this.pos;
    this.skipSpace();
    if (this.q.startsWith(word, this.pos)) {
      const after = this.q[this.pos + word.length];
      if (after === undefined || isSpace(after) || after === '(' || after === ')' || after === '"') { this.pos += word.length; return true; }
    }
    this.pos = save;
    return false;
  }

  private nested<T>(f: () => T): T {
    if (++this.depth > QUERY_LIMITS.maxDepth) this.fail(`query nested deeper than ${QUERY_LIMITS.maxDepth} levels`);
    try { return f(); } finally { this.depth--; }
  }

  private countClause(): void {
    if (++this.clauses > QUERY_LIMITS.maxClauses) this.fail(`query has more than ${QUERY_LIMITS.maxClauses} clauses`);
  }

  /** `#` followed by a letter starts a function call; elsewhere `#` is text (`C#`, `#1`). */
  private atCall(): boolean {
    return this.peek() === '#' && /[a-z]/i.test(this.q[this.pos + 1] ?? '');
  }

  private endsOperand(): boolean {
    return this.atEnd() || this.peek() === ')';
  }

  private skipSpace(): void {
    while (isSpace(this.peek())) this.pos++;
  }

  private peek(): string | undefined {
    return this.q[this.pos];
  }

  private atEnd(): boolean {
    return this.pos >= this.q.length;
  }

  private fail(message: string, position: number = this.pos): never {
    throw new QueryError(message, position, this.q);
  }
}
