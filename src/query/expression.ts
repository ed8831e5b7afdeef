import { AppError } from '../errors/catalogue';

/** An analyze expression (`y.<serie>.expr`): numbers, numeric fields, + - * /, parentheses and whitelisted functions. */
export type Expr =
  | { kind: 'num'; value: number }
  | { kind: 'field'; name: string }
  | { kind: 'neg'; arg: Expr }
  | { kind: 'bin'; op: '+' | '-' | '*' | '/'; left: Expr; right: Expr }
  | { kind: 'call'; name: string; args: Expr[] };

export const EXPRESSION_LIMITS = { maxLength: 500, maxDepth: 32 } as const;

/**
 * The nearest integer, a tie going to the even one (IEEE 754 roundTiesToEven, Java's `Math.rint`).
 * `Math.round` takes a tie up, to `r = x + 0.5`; when that is odd, the even neighbour is `r - 1`.
 */
function rint(x: number): number {
  const r = Math.round(x);
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/** The functions of ODS's expression language that make sense here (reference/ods-v1.md §1.6), with their arity. */
const FUNCTIONS = new Map<string, [number, (...a: number[]) => number]>(Object.entries({
  sin: [1, Math.sin], cos: [1, Math.cos], tan: [1, Math.tan], asin: [1, Math.asin], acos: [1, Math.acos], atan: [1, Math.atan],
  toradians: [1, (x) => (x * Math.PI) / 180], todegrees: [1, (x) => (x * 180) / Math.PI], exp: [1, Math.exp], log: [1, Math.log],
  log10: [1, Math.log10], sqrt: [1, Math.sqrt], cbrt: [1, Math.cbrt], ceil: [1, Math.ceil], floor: [1, Math.floor],
  rint: [1, rint],
  round: [1, Math.round], abs: [1, Math.abs], signum: [1, Math.sign], sinh: [1, Math.sinh], cosh: [1, Math.cosh], tanh: [1, Math.tanh],
  atan2: [2, Math.atan2], pow: [2, Math.pow], hypot: [2, Math.hypot], max: [2, Math.max], min: [2, Math.min],
  ieeeremainder: [2, (a: number, b: number) => a - b * rint(a / b)],
} satisfies Record<string, [number, (...a: number[]) => number]>));

class ExprParser {
  private pos = 0;
  private depth = 0;
  constructor(private readonly text: string, private readonly parameter: string) {}

  fail(message: string): never {
    throw new AppError('bad_parameter', `Invalid ${this.parameter}: ${message} at position ${this.pos}`, { parameter: this.parameter, position: this.pos });
  }
  private skip(): void { while (/\s/.test(this.text[this.pos] ?? '')) this.pos++; }
  private peek(): string | undefined { this.skip(); return this.text[this.pos]; }

  parse(): Expr {
    if (this.text.length > EXPRESSION_LIMITS.maxLength) this.fail(`longer than ${EXPRESSION_LIMITS.maxLength} characters`);
    if (this.peek() === undefined) this.fail('empty expression');
    const e = this.sum();
    if (this.peek() !== undefined) this.fail(`unexpected "${this.text[this.pos]}"`);
    return e;
  }
  private nested<T>(f: () => T): T {
    if (++this.depth > EXPRESSION_LIMITS.maxDepth) this.fail(`nested deeper than ${EXPRESSION_LIMITS.maxDepth} levels`);
    try { return f(); } finally { this.depth--; }
  }
  private sum(): Expr {
    let left = this.product();
    for (let c = this.peek(); c === '+' || c === '-'; c = this.peek()) { this.pos++; left = { kind: 'bin', op: c, left, right: this.product() }; }
    return left;
  }
  private product(): Expr {
    let left = this.unary();
    for (let c = this.peek(); c === '*' || c === '/'; c = this.peek()) { this.pos++; left = { kind: 'bin', op: c, left, right: this.unary() }; }
    return left;
  }
  private unary(): Expr {
    const c = this.peek();
    if (c === '-' || c === '+') { this.pos++; const arg = this.nested(() => this.unary()); return c === '-' ? { kind: 'neg', arg } : arg; }
    return this.primary();
  }
  private primary(): Expr {
    const c = this.peek();
    if (c === '(') {
      this.pos++;
      const e = this.nested(() => this.sum());
      if (this.peek() !== ')') this.fail('missing ")"');
      this.pos++;
      return e;
    }
    const num = /^(\d+(\.\d*)?|\.\d+)([eE][+-]?\d{1,3})?/.exec(this.text.slice(this.pos));
    if (num) { this.pos += num[0].length; return { kind: 'num', value: Number(num[0]) }; }
    const id = /^[A-Za-z_][A-Za-z0-9_]*/.exec(this.text.slice(this.pos));
    if (!id) this.fail(c === undefined ? 'unexpected end' : `unexpected "${c}"`);
    this.pos += id[0].length;
    if (this.peek() !== '(') return { kind: 'field', name: id[0] };
    const fn = FUNCTIONS.get(id[0].toLowerCase());
    if (!fn) this.fail(`unknown function ${id[0]} (known: ${[...FUNCTIONS.keys()].join(', ')})`);
    this.pos++;
    const args: Expr[] = [];
    if (this.peek() !== ')') for (;;) { args.push(this.nested(() => this.sum())); if (this.peek() === ',') { this.pos++; continue; } break; }
    if (this.peek() !== ')') this.fail(`missing ")" after the arguments of ${id[0]}`);
    this.pos++;
    if (args.length !== fn[0]) this.fail(`${id[0]} takes ${fn[0]} argument${fn[0] > 1 ? 's' : ''}`);
    return { kind: 'call', name: id[0].toLowerCase(), args };
  }
}

export const parseExpression = (text: string, parameter: string): Expr => new ExprParser(text, parameter).parse();

/** The fields an expression reads. */
export function exprFields(e: Expr, out = new Set<string>()): Set<string> {
  switch (e.kind) {
    case 'num': break;
    case 'field': out.add(e.name); break;
    case 'neg': exprFields(e.arg, out); break;
    case 'bin': exprFields(e.left, out); exprFields(e.right, out); break;
    case 'call': e.args.forEach((a) => exprFields(a, out)); break;
  }
  return out;
}

/** The value of an expression for some field values; undefined when a field has no value. */
export function evaluate(e: Expr, values: ReadonlyMap<string, number>): number | undefined {
  switch (e.kind) {
    case 'num': return e.value;
    case 'field': return values.get(e.name);
    case 'neg': { const v = evaluate(e.arg, values); return v === undefined ? undefined : -v; }
    case 'bin': {
      const a = evaluate(e.left, values), b = evaluate(e.right, values);
      if (a === undefined || b === undefined) return undefined;
      return e.op === '+' ? a + b : e.op === '-' ? a - b : e.op === '*' ? a * b : a / b;
    }
    case 'call': {
      const args = e.args.map((x) => evaluate(x, values));
      return args.some((x) => x === undefined) ? undefined : FUNCTIONS.get(e.name)![1](...(args as number[]));
    }
  }
}
