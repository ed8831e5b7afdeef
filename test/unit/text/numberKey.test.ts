import { numberKey, numberOfKey } from '../../../src/text/numberKey';

describe('numberKey', () => {
  // IEEE 754 binary64: 1 is 0x3FF0000000000000, 2019 is 0x409F8C0000000000, −1 is 0xBFF0000000000000.
  test.each([
    [0, '8000000000000000'],
    [-0, '8000000000000000'],
    [1, 'bff0000000000000'],
    [2019, 'c09f8c0000000000'],
    [-1, '400fffffffffffff'],
  ])('%d is written from its double with the sign bit set, or every bit flipped when negative: %s', (n, key) => {
    expect(numberKey(n)).toBe(key);
    expect(numberOfKey(key)).toBe(n === 0 ? 0 : n);
  });

  test.each(['', '8000', 'G000000000000000', '8000000000000000 ', 'BFF0000000000000'])('%j is no key', (text) => {
    expect(numberOfKey(text)).toBeUndefined();
  });
});
