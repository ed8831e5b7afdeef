import { closestMatch, editDistance } from '../../../src/text/closest';

describe('closest match for "did you mean" hints', () => {
  test('edit distance: insertions, deletions and substitutions cost one each', () => {
    expect([editDistance('', ''), editDistance('abc', ''), editDistance('', 'ab'), editDistance('kitten', 'sitting'), editDistance('flaw', 'lawn')])
      .toEqual([0, 3, 2, 3, 2]);
  });

  test('a missing accent or a different case is no distance at all', () => {
    expect(closestMatch('Annee du tournage', ['Titre', 'Année du tournage', 'Année'])).toBe('Année du tournage');
    expect(closestMatch('CODE POSTAL', ['Code postal', 'Code'])).toBe('Code postal');
  });

  test('the nearest by edit distance, the first listed on a tie; none among no candidates', () => {
    expect(closestMatch('nom', ['noms', 'non', 'prenom'])).toBe('noms');
    expect(closestMatch('x', [])).toBeUndefined();
  });
});
