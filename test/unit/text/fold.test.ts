import { fold } from '../../../src/text/fold';

describe('fold', () => {
  test.each([
    ['Élève à l’Opéra', 'eleve a l’opera'],
    ['ŒUVRE Cæsar Straße', 'oeuvre caesar strasse'],
    ['ﬁlm ＰＡＲＩＳ', 'film paris'],
    ['Łódź', 'lodz'],
    ['déjà-vu 75013', 'deja-vu 75013'],
  ])('%s → %s', (input, expected) => {
    expect(fold(input)).toBe(expected);
  });
});
