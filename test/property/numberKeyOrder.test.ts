import fc from 'fast-check';
import { numberKey, numberOfKey } from '../../src/text/numberKey';

/**
 * A facet number's key must sort as text exactly as the numbers sort, and give the number back:
 * Elasticsearch orders and cuts a level by the key, and the page shows the number read from it.
 */
const finite = fc.double({ noNaN: true, noDefaultInfinity: true });
const numbers = fc.oneof(finite, fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }), fc.constantFrom(0, -0, 1, -1, 0.1, -0.1, 2019, -2019));

describe('numberKey', () => {
  test('two numbers compare as their keys compare', () => {
    fc.assert(fc.property(numbers, numbers, (a, b) => {
      const byNumber = a < b ? -1 : a > b ? 1 : 0;
      const ka = numberKey(a), kb = numberKey(b);
      expect(ka < kb ? -1 : ka > kb ? 1 : 0).toBe(byNumber);
    }), { numRuns: 5000 });
  });

  test('a key gives its number back, −0 as 0', () => {
    fc.assert(fc.property(numbers, (n) => {
      expect(numberOfKey(numberKey(n))).toBe(n === 0 ? 0 : n);
      expect(numberKey(n)).toMatch(/^[0-9a-f]{16}$/);
    }), { numRuns: 5000 });
  });
});
