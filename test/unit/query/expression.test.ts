import { AppError } from '../../../src/errors/catalogue';
import { evaluate, exprFields, parseExpression } from '../../../src/query/expression';

const value = (text: string, values: Record<string, number> = {}): number | undefined => evaluate(parseExpression(text, 'y.s.expr'), new Map(Object.entries(values)));
function refusal(text: string): { message: string; details: unknown } {
  try { parseExpression(text, 'y.s.expr'); } catch (err) { if (err instanceof AppError) return { message: err.message, details: err.details }; throw err; }
  throw new Error(`parsed: ${text}`);
}

/** IEEE 754 roundToIntegralTiesToEven, written from its definition: the nearest integer, ties to the even one. */
function tiesToEven(x: number): number {
  const floor = Math.floor(x);
  const diff = x - floor;
  if (diff < 0.5) return floor;
  if (diff > 0.5) return floor + 1;
  return floor % 2 === 0 ? floor : floor + 1;
}

describe('analyze expressions: functions as Java\'s Math defines them', () => {
  test('one-argument functions', () => {
    const x = 0.3;
    const cases: [string, number][] = [
      ['sin', Math.sin(x)], ['cos', Math.cos(x)], ['tan', Math.tan(x)], ['asin', Math.asin(x)], ['acos', Math.acos(x)], ['atan', Math.atan(x)],
      ['exp', Math.exp(x)], ['log', Math.log(x)], ['log10', Math.log10(x)], ['sqrt', Math.sqrt(x)], ['cbrt', Math.cbrt(x)],
      ['sinh', Math.sinh(x)], ['cosh', Math.cosh(x)], ['tanh', Math.tanh(x)], ['abs', x], ['signum', 1], ['ceil', 1], ['floor', 0], ['round', 0],
    ];
    for (const [name, expected] of cases) expect([name, value(`${name}(${x})`)]).toEqual([name, expected]);
    expect(value('toradians(180)')).toBeCloseTo(Math.PI, 12);
    expect(value('todegrees(3.141592653589793)')).toBeCloseTo(180, 10);
    expect(value('toRadians(90) * 2')).toBeCloseTo(Math.PI, 12);
  });

  test('rint and ieeeremainder round halves to the even integer (java.lang.Math)', () => {
    for (const x of [2.5, 3.5, -2.5, -3.5, 2.4, 2.6, -2.6, 0.5, 7]) expect([x, value(`rint(${x})`)]).toEqual([x, tiesToEven(x)]);
    // IEEEremainder(f1, f2) = f1 - f2 × n, n the integer nearest f1 / f2, ties to even.
    for (const [a, b] of [[10, 4], [14, 4], [5, 3], [-10, 4], [7, 2], [1, 3]]) {
      expect([a, b, value(`ieeeremainder(${a}, ${b})`)]).toEqual([a, b, a - b * tiesToEven(a / b)]);
    }
  });

  test('two-argument functions', () => {
    expect(value('atan2(1, 2)')).toBe(Math.atan2(1, 2));
    expect(value('pow(2, 10)')).toBe(1024);
    expect(value('hypot(3, 4)')).toBe(5);
    expect([value('max(2, 3)'), value('min(2, 3)')]).toEqual([3, 2]);
  });
});

describe('analyze expressions: the grammar', () => {
  test('numbers, signs, operators and their precedence', () => {
    expect(value('.25')).toBe(0.25);
    expect([value('.5'), value('1.'), value('2e3'), value('2E-1'), value('1.5e+1')]).toEqual([0.5, 1, 2000, 0.2, 15]);
    expect([value('+3'), value('--3'), value('-(1 - 4)')]).toEqual([3, 3, 3]);
    expect([value('8 / 2 / 2'), value('8 - 2 - 2'), value('2 * 3 + 4 * 5'), value('1 / 0')]).toEqual([2, 4, 26, Infinity]);
    expect(value(' ( a + b ) * c ', { a: 1, b: 2, c: 4 })).toBe(12);
  });

  test('a field without a value makes the whole expression undefined', () => {
    for (const text of ['-a', 'a * 2', '2 - a', 'sqrt(a)', 'pow(2, a)', 'pow(a, 2)']) expect([text, value(text, { b: 1 })]).toEqual([text, undefined]);
    expect(value('-a', { a: 2 })).toBe(-2);
  });

  test('the fields an expression reads, each once', () => {
    expect([...exprFields(parseExpression('-a + pow(b, c) * 2 - a', 'e'))]).toEqual(['a', 'b', 'c']);
    expect([...exprFields(parseExpression('1 + 2', 'e'))]).toEqual([]);
  });

  test('refusals name the parameter and the position', () => {
    expect(refusal('1 +')).toEqual({ message: 'Invalid y.s.expr: unexpected end at position 3', details: { parameter: 'y.s.expr', position: 3 } });
    expect(refusal('a b').message).toBe('Invalid y.s.expr: unexpected "b" at position 2');
    expect(refusal('1 + $').message).toBe('Invalid y.s.expr: unexpected "$" at position 4');
    expect(refusal('$a').message).toBe('Invalid y.s.expr: unexpected "$" at position 0');
    expect(refusal('sqrt()').message).toBe('Invalid y.s.expr: sqrt takes 1 argument at position 6');
    expect(refusal('pow(1, 2, 3)').message).toBe('Invalid y.s.expr: pow takes 2 arguments at position 12');
    expect(refusal('pow(1, 2').message).toBe('Invalid y.s.expr: missing ")" after the arguments of pow at position 8');
    expect(refusal('(1 + 2').message).toBe('Invalid y.s.expr: missing ")" at position 6');
    expect(refusal('1e1234').message).toBe('Invalid y.s.expr: unexpected "4" at position 5');
    expect(refusal('   ').message).toBe('Invalid y.s.expr: empty expression at position 3');
    expect(refusal('nope(1)').message).toMatch(/^Invalid y\.s\.expr: unknown function nope \(known: sin, cos, .*ieeeremainder\) at position 4$/);
  });

  test('depth counts nesting, not groups side by side', () => {
    expect(value(Array.from({ length: 40 }, () => '(1)').join('+'))).toBe(40);
  });

  test('the limits are inclusive: 500 characters, 32 levels', () => {
    expect(value('1+'.repeat(249) + '1')).toBe(250);
    expect(value('1+'.repeat(249) + '11')).toBe(260);
    expect(refusal('1+'.repeat(250) + '1').message).toBe('Invalid y.s.expr: longer than 500 characters at position 0');
    expect(value(`${'('.repeat(32)}1${')'.repeat(32)}`)).toBe(1);
    expect(refusal(`${'('.repeat(33)}1${')'.repeat(33)}`).message).toMatch(/nested deeper than 32 levels at position 33$/);
    expect(value(`${'-'.repeat(32)}1`)).toBe(1);
    expect(refusal(`${'-'.repeat(33)}1`).message).toMatch(/nested deeper than 32 levels/);
    expect(value(`${'abs('.repeat(32)}1${')'.repeat(32)}`)).toBe(1);
    expect(refusal(`${'abs('.repeat(33)}1${')'.repeat(33)}`).message).toMatch(/nested deeper than 32 levels/);
  });
});
