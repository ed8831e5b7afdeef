import { addValue, emptyAcc, resultOf } from '../../../src/values/accumulator';
import { evaluate, exprFields, parseExpression } from '../../../src/query/expression';
import { mergeClusters } from '../../../src/results/mergeClusters';
import { simplifyGeometry } from '../../../src/results/simplifyGeometry';
import { AppError } from '../../../src/errors/catalogue';

const value = (text: string, values: Record<string, number> = {}) => evaluate(parseExpression(text, 'y.s.expr'), new Map(Object.entries(values)));
function refusal(text: string): string {
  try { parseExpression(text, 'y.s.expr'); } catch (err) { if (err instanceof AppError) return err.message; throw err; }
  throw new Error(`parsed: ${text}`);
}

describe('analyze expressions', () => {
  test('precedence, unary minus, functions, fields', () => {
    expect(value('1 + 2 * 3 - -4 / 2')).toBe(9);
    expect(value('(1 + 2) * 3')).toBe(9);
    expect(value('sqrt(population) * 2 + pow(a, 2)', { population: 16, a: 3 })).toBe(17);
    expect(value('max(a, b) - min(a, b) + abs(-1) + round(2.5) + rint(2.5)', { a: 1, b: 4 })).toBe(3 + 1 + 3 + 2);
    expect(value('a + 1', {})).toBeUndefined();
    expect([...exprFields(parseExpression('a * log10(b) + a', 'e'))]).toEqual(['a', 'b']);
  });
  test('refused: unknown functions, calls on objects, strings, wrong arity, depth, length', () => {
    expect(refusal('java.lang.Runtime.getRuntime()')).toMatch(/unexpected "\."/);
    expect(refusal("doc['x'].value")).toMatch(/unexpected "\["/);
    expect(refusal('random()')).toMatch(/unknown function random/);
    // Names of Object.prototype are not functions of the language.
    for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) expect(refusal(`${name}(x)`)).toMatch(new RegExp(`unknown function ${name}`));
    expect(refusal('pow(2)')).toMatch(/pow takes 2 arguments/);
    expect(refusal('(((1)')).toMatch(/missing "\)"/);
    expect(refusal(`${'('.repeat(40)}1${')'.repeat(40)}`)).toMatch(/nested deeper than 32/);
    expect(refusal('1+'.repeat(300) + '1')).toMatch(/longer than 500/);
    expect(refusal('')).toMatch(/empty expression/);
  });
});

describe('accumulated functions', () => {
  test('count, avg, sum, min, max, population standard deviation, sum of squares', () => {
    const a = emptyAcc();
    a.docs = 5;
    [2, 4, 4, 4, 5, 5, 7, 9].forEach((v) => addValue(a, v, 1));
    expect(['COUNT', 'AVG', 'SUM', 'MIN', 'MAX', 'STDDEV', 'SUMSQUARES'].map((f) => resultOf(a, f as never))).toEqual([5, 5, 40, 2, 9, 2, 232]);
    expect(resultOf(emptyAcc(), 'AVG')).toBeNull();
  });
});

describe('map helpers', () => {
  test('clusters closer than the distance merge into their weighted centroid', () => {
    const c = (lat: number, lon: number, count: number) => ({ lat, lon, count, bounds: [lon, lat, lon, lat] as [number, number, number, number], accs: new Map() });
    const merged = mergeClusters([c(48.85, 2.35, 3), c(48.8501, 2.3501, 1), c(45, 5, 2)], 10, 50);
    expect(merged.map((m) => m.count)).toEqual([4, 2]);
    expect(mergeClusters([c(48.85, 2.35, 3), c(48.86, 2.36, 1)], 10, 5).map((m) => m.count)).toEqual([3, 1]);
    const near = mergeClusters([c(48.85, 2.35, 3), c(48.8501, 2.3501, 1)], 10, 50);
    expect(near).toEqual([{ lat: (48.85 * 3 + 48.8501) / 4, lon: (2.35 * 3 + 2.3501) / 4, count: 4, bounds: [2.35, 48.85, 2.3501, 48.8501], accs: new Map() }]);
  });
  test('simplification drops detail under the tolerance and keeps rings closed', () => {
    const line = { type: 'LineString' as const, coordinates: [[0, 0], [1, 0.001], [2, 0], [3, 1]] };
    expect(simplifyGeometry(line, 0.01)).toEqual({ type: 'LineString', coordinates: [[0, 0], [2, 0], [3, 1]] });
    const square = { type: 'Polygon' as const, coordinates: [[[0, 0], [1, 0.0001], [2, 0], [2, 2], [0, 2], [0, 0]]] };
    expect(simplifyGeometry(square, 0.01)).toEqual({ type: 'Polygon', coordinates: [[[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]]] });
  });
});
