import type { Span } from '../ast';
import { QUERY_LIMITS } from '../parse';
import { QueryError } from '../queryError';
import { COMPARISONS, type Cql2Comparison, type Cql2Geometry, type Cql2Node, type Cql2Position, type Cql2Scalar, type Cql2Spatial } from './cql2Ast';
import { cql2Tokens, type Cql2Token } from './cql2Tokens';

const KEYWORDS = new Set(['AND', 'OR', 'NOT', 'LIKE', 'BETWEEN', 'IN', 'IS', 'NULL', 'TRUE', 'FALSE']);
const GEOMETRIES = new Set(['POINT', 'POLYGON', 'BBOX']);
/** WKT and CQL2 names this parser knows but does not take, so that the error says so. */
const UNSUPPORTED = /^(MULTIPOINT|LINESTRING|MULTILINESTRING|MULTIPOLYGON|GEOMETRYCOLLECTION|S_[A-Z]+|T_[A-Z]+|A_[A-Z]+|CASEI|ACCENTI|INTERVAL)$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;

/**
 * CQL2 text (OGC 21-065) → AST: Basic CQL2 (comparisons, AND/OR/NOT, IS [NOT] NULL, TRUE/FALSE),
 * the advanced comparison operators ([NOT] LIKE, [NOT] BETWEEN, [NOT] IN) and S_INTERSECTS with
 * POINT, POLYGON and BBOX literals. Precedence NOT > AND > OR; keywords are case-insensitive; a
 * `"quoted"` name is always a property. Errors carry the position of the problem; length, depth
 * and clause count are bounded as for the ODS language.
 */
export function parseCql2(text: string): Cql2Node {
  if (text.length > QUERY_LIMITS.maxLength) throw new QueryError(`filter longer than ${QUERY_LIMITS.maxLength} characters`, QUERY_LIMITS.maxLength, text);
  return new Cql2Parser(text, cql2Tokens(text)).parse();
}

const describe = (t: Cql2Token): string => {
  switch (t.kind) {
    case 'end': return 'the end of the filter';
    case 'word': return t.quoted ? `"${t.text}"` : t.text;
    case 'string': return `'${t.value.slice(0, 40)}'`;
    case 'number': return String(t.value);
    case 'punct': return `"${t.text}"`;
  }
};

class Cql2Parser {
  private i = 0;
  private depth = 0;
  private clauses = 0;

  constructor(private readonly text: string, private readonly tokens: Cql2Token[]) {}

  parse(): Cql2Node {
    if (this.peek().kind === 'end') this.fail('empty filter', this.peek().span);
    const node = this.orExpr();
    const rest = this.peek();
    if (rest.kind !== 'end') this.fail(rest.kind === 'punct' && rest.text === ')' ? 'unbalanced ")"' : `unexpected ${describe(rest)}`, rest.span);
    return node;
  }

  private fail(message: string, span: Span): never {
    throw new QueryError(message, span.start, this.text);
  }

  private peek(ahead = 0): Cql2Token { return this.tokens[Math.min(this.i + ahead, this.tokens.length - 1)]; }
  private next(): Cql2Token { return this.tokens[Math.min(this.i++, this.tokens.length - 1)]; }

  private isKeyword(word: string, ahead = 0): boolean {
    const t = this.peek(ahead);
    return t.kind === 'word' && !t.quoted && t.text.toUpperCase() === word;
  }

  private isPunct(p: string, ahead = 0): boolean {
    const t = this.peek(ahead);
    return t.kind === 'punct' && t.text === p;
  }

  private expectPunct(p: string, what: string): Span {
    const t = this.peek();
    if (!this.isPunct(p)) this.fail(`expected "${p}" ${what}, found ${describe(t)}`, t.span);
    return this.next().span;
  }

  /** Reads a nested expression, opened by the token at `at`. */
  private nested<T>(at: Span, read: () => T): T {
    if (++this.depth > QUERY_LIMITS.maxDepth) this.fail(`filter nested deeper than ${QUERY_LIMITS.maxDepth} levels`, at);
    const out = read();
    this.depth--;
    return out;
  }

  private chain(kind: 'and' | 'or', operand: () => Cql2Node): Cql2Node {
    const operands = [operand()];
    while (this.isKeyword(kind.toUpperCase())) {
      this.next();
      operands.push(operand());
    }
    if (operands.length === 1) return operands[0];
    return { kind, operands, span: { start: operands[0].span.start, end: operands[operands.length - 1].span.end } };
  }

  private orExpr(): Cql2Node { return this.chain('or', () => this.andExpr()); }
  private andExpr(): Cql2Node { return this.chain('and', () => this.notExpr()); }

  private notExpr(): Cql2Node {
    if (!this.isKeyword('NOT')) return this.primary();
    const not = this.next().span;
    const start = not.start;
    const operand = this.nested(not, () => this.notExpr());
    return { kind: 'not', operand, span: { start, end: operand.span.end } };
  }

  private primary(): Cql2Node {
    const first = this.peek();
    if (this.isPunct('(')) {
      this.next();
      const inner = this.nested(first.span, () => this.orExpr());
      const end = this.expectPunct(')', 'to close the parenthesis');
      return { ...inner, span: { start: first.span.start, end: end.end } };
    }
    if (++this.clauses > QUERY_LIMITS.maxClauses) this.fail(`filter has more than ${QUERY_LIMITS.maxClauses} predicates`, first.span);
    if (this.isKeyword('S_INTERSECTS') && this.isPunct('(', 1)) return this.intersects();
    const left = this.scalar();
    return this.predicate(left);
  }

  private predicate(left: Cql2Scalar): Cql2Node {
    const t = this.peek();
    const start = left.span.start;
    if (t.kind === 'punct' && (COMPARISONS as readonly string[]).includes(t.text)) {
      this.next();
      const right = this.scalar();
      return { kind: 'compare', op: t.text as Cql2Comparison, left, right, span: { start, end: right.span.end } };
    }
    if (this.isKeyword('IS')) {
      this.next();
      const negated = this.isKeyword('NOT');
      if (negated) this.next();
      const last = this.peek();
      if (!this.isKeyword('NULL')) this.fail(`expected NULL after IS${negated ? ' NOT' : ''}, found ${describe(last)}`, last.span);
      this.next();
      return { kind: 'isNull', negated, operand: left, span: { start, end: last.span.end } };
    }
    const negated = this.isKeyword('NOT') && (this.isKeyword('LIKE', 1) || this.isKeyword('BETWEEN', 1) || this.isKeyword('IN', 1));
    if (negated) this.next();
    if (this.isKeyword('LIKE')) {
      this.next();
      const pattern = this.scalar();
      return { kind: 'like', negated, operand: left, pattern, span: { start, end: pattern.span.end } };
    }
    if (this.isKeyword('BETWEEN')) {
      this.next();
      const low = this.scalar();
      const and = this.peek();
      if (!this.isKeyword('AND')) this.fail(`expected AND in BETWEEN, found ${describe(and)}`, and.span);
      this.next();
      const high = this.scalar();
      return { kind: 'between', negated, operand: left, low, high, span: { start, end: high.span.end } };
    }
    if (this.isKeyword('IN')) {
      this.next();
      this.expectPunct('(', 'after IN');
      const list = [this.scalar()];
      while (this.isPunct(',')) {
        this.next();
        if (list.length >= QUERY_LIMITS.maxClauses) this.fail(`an IN list has more than ${QUERY_LIMITS.maxClauses} values`, this.peek().span);
        list.push(this.scalar());
      }
      const end = this.expectPunct(')', 'to close the IN list');
      return { kind: 'in', negated, operand: left, list, span: { start, end: end.end } };
    }
    if (left.kind === 'boolean') return { kind: 'literal', value: left.value, span: left.span };
    return this.fail(`expected a comparison (=, <>, <, <=, >, >=), LIKE, BETWEEN, IN or IS NULL after ${this.text.slice(left.span.start, left.span.end).slice(0, 60)}, found ${describe(t)}`, t.span);
  }

  /** A property or a literal. */
  private scalar(): Cql2Scalar {
    const t = this.next();
    switch (t.kind) {
      case 'string': return { kind: 'string', value: t.value, span: t.span };
      case 'number': return { kind: 'number', value: t.value, span: t.span };
      case 'word': {
        if (t.quoted) return { kind: 'property', name: t.text, span: t.span };
        const upper = t.text.toUpperCase();
        if (upper === 'TRUE' || upper === 'FALSE') return { kind: 'boolean', value: upper === 'TRUE', span: t.span };
        if (KEYWORDS.has(upper)) return this.fail(`expected a property or a value, found ${upper}`, t.span);
        if (!this.isPunct('(')) return { kind: 'property', name: t.text, span: t.span };
        if (upper === 'DATE' || upper === 'TIMESTAMP') return this.temporal(upper, t.span);
        return this.unsupported(t.text, t.span);
      }
      case 'punct': case 'end': return this.fail(`expected a property or a value, found ${describe(t)}`, t.span);
    }
  }

  private unsupported(name: string, span: Span): never {
    if (UNSUPPORTED.test(name.toUpperCase())) this.fail(`${name.toUpperCase()} is not supported: filters take comparisons, LIKE, BETWEEN, IN, IS NULL and S_INTERSECTS with POINT, POLYGON or BBOX`, span);
    return this.fail(`unknown function ${name}`, span);
  }

  /** `DATE('2020-01-01')` or `TIMESTAMP('2020-01-01T10:00:00Z')`. */
  private temporal(kind: 'DATE' | 'TIMESTAMP', start: Span): Cql2Scalar {
    this.next(); // (
    const t = this.peek();
    if (t.kind !== 'string') this.fail(`${kind} takes a quoted text, found ${describe(t)}`, t.span);
    this.next();
    const text = (t as Extract<Cql2Token, { kind: 'string' }>).value;
    const shape = kind === 'DATE' ? DATE : TIMESTAMP;
    if (!shape.test(text)) this.fail(kind === 'DATE' ? `DATE('${text.slice(0, 40)}') is not a date such as DATE('2020-01-31')` : `TIMESTAMP('${text.slice(0, 40)}') is not an RFC 3339 instant such as TIMESTAMP('2020-01-31T10:00:00Z')`, t.span);
    const end = this.expectPunct(')', `to close ${kind}`);
    return { kind: kind === 'DATE' ? 'date' : 'timestamp', text, span: { start: start.start, end: end.end } };
  }

  /** `S_INTERSECTS(a, b)`, each a property or a geometry literal. */
  private intersects(): Cql2Node {
    const start = this.next().span.start;
    this.next(); // (
    const left = this.spatial();
    this.expectPunct(',', 'between the two geometries of S_INTERSECTS');
    const right = this.spatial();
    const end = this.expectPunct(')', 'to close S_INTERSECTS');
    return { kind: 'intersects', left, right, span: { start, end: end.end } };
  }

  private spatial(): Cql2Spatial {
    const t = this.peek();
    const withZ = t.kind === 'word' && !t.quoted && this.isKeyword('Z', 1) && this.isPunct('(', 2);
    if (t.kind === 'word' && !t.quoted && (this.isPunct('(', 1) || withZ)) {
      const name = t.text.toUpperCase();
      if (withZ && name === 'BBOX') this.fail('BBOX has no Z tag: give the heights as its third and sixth numbers', t.span);
      if (!GEOMETRIES.has(name)) return this.unsupported(t.text, t.span);
      return this.geometry(name, withZ);
    }
    const s = this.scalar();
    if (s.kind !== 'property') this.fail('expected a property or a geometry (POINT, POLYGON, BBOX)', s.span);
    return s as Extract<Cql2Scalar, { kind: 'property' }>;
  }

  private number(what: string): number {
    const t = this.peek();
    if (t.kind !== 'number') this.fail(`expected a number in ${what}, found ${describe(t)}`, t.span);
    this.next();
    return (t as Extract<Cql2Token, { kind: 'number' }>).value;
  }

  /**
   * x y, and a z that is read and dropped (21-065r2 Annex A rule `point`: `xCoord yCoord
   * [zCoord]`; the indexed geometries have no height).
   */
  private position(what: string): Cql2Position {
    const position: Cql2Position = [this.number(what), this.number(what)];
    if (this.peek().kind === 'number') this.next();
    return position;
  }

  /** A WKT literal (`POINT`, `POLYGON`, optionally tagged `Z`) or a BBOX. */
  private geometry(name: string, withZ: boolean): Cql2Geometry {
    const start = this.next().span.start;
    if (withZ) this.next(); // Z
    this.next(); // (
    if (name === 'POINT') {
      const position = this.position('POINT');
      const end = this.expectPunct(')', 'to close POINT');
      return { kind: 'point', position, span: { start, end: end.end } };
    }
    if (name === 'BBOX') {
      const numbers = [this.number('BBOX')];
      while (this.isPunct(',')) { this.next(); numbers.push(this.number('BBOX')); }
      const end = this.expectPunct(')', 'to close BBOX');
      if (numbers.length !== 4 && numbers.length !== 6) this.fail(`BBOX takes 4 numbers (or 6 with heights), not ${numbers.length}`, { start, end: end.end });
      return { kind: 'bbox', numbers, span: { start, end: end.end } };
    }
    const rings = [this.ring()];
    while (this.isPunct(',')) { this.next(); rings.push(this.ring()); }
    const end = this.expectPunct(')', 'to close POLYGON');
    return { kind: 'polygon', rings, span: { start, end: end.end } };
  }

  /** A closed ring of at least four positions. */
  private ring(): Cql2Position[] {
    const start = this.expectPunct('(', 'to open a ring of POLYGON').start;
    const ring = [this.position('POLYGON')];
    while (this.isPunct(',')) { this.next(); ring.push(this.position('POLYGON')); }
    const end = this.expectPunct(')', 'to close a ring of POLYGON').end;
    const [a, b] = [ring[0], ring[ring.length - 1]];
    if (ring.length < 4 || a[0] !== b[0] || a[1] !== b[1]) this.fail('a POLYGON ring has at least 4 positions and ends where it starts', { start, end });
    return ring;
  }
}
