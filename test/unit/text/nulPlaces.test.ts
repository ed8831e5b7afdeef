import { nulPlaces } from '../../../src/text/nulPlaces';

describe('nulPlaces', () => {
  test('every text and key name holding a NUL, in document order; `max` stops the walk', () => {
    const value = { a: ['ok', 'x\u0000'], 'b\u0000': { c: '\u0000' }, d: { e: 'y\u0000' } };
    expect(nulPlaces(value)).toEqual([['a', 1], ['b\u0000'], ['d', 'e']]);
    expect(nulPlaces(value, 1)).toEqual([['a', 1]]);
  });

  test('a value without NUL, numbers, null and booleans give none; a text alone is the empty path', () => {
    expect(nulPlaces({ t: 'tab\there', n: 1, z: null, b: [true] })).toEqual([]);
    expect(nulPlaces('\u0000')).toEqual([[]]);
  });
});
