import fc from 'fast-check';
import { fold } from '../../src/text/fold';

/**
 * fold's shortcut for ASCII without an apostrophe must give what folding means for any text:
 * compatibility decomposition, combining marks dropped, lower case (and no elision without an
 * apostrophe). Texts that are nearly ASCII (one accent, one ligature, one apostrophe) go the long
 * way and are folded as before.
 */
const ascii = fc.string({ unit: 'binary-ascii', maxLength: 80 });
const definition = (s: string): string => s.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();

describe('fold on ASCII text', () => {
  test('without an apostrophe: decomposed, unmarked, lower-cased, and nothing else', () => {
    fc.assert(fc.property(ascii.map((s) => s.replaceAll("'", '')), (s) => {
      expect(fold(s)).toBe(definition(s));
    }), { numRuns: 2000 });
  });

  test('one character away from ASCII: the accent, the ligature or the elided article is still folded', () => {
    fc.assert(fc.property(ascii.map((s) => s.replaceAll("'", '')), fc.constantFrom(['É', 'e'], ['œ', 'oe'], ['\u0301', ''], ['ＡＢ', 'ab']), (s, [odd, folded]) => {
      expect(fold(`${s} ${odd}`)).toBe(`${definition(s)} ${folded}`);
    }), { numRuns: 500 });
    expect(fold("Rue d'Alésia")).toBe("rue d' alesia");
  });
});
