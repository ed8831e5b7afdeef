import { fold } from '../../../src/text/fold';

describe('fold', () => {
  test.each([
    ['Élève à l’Opéra', "eleve a l' opera"],
    ['ŒUVRE Cæsar Straße', 'oeuvre caesar strasse'],
    ['ﬁlm ＰＡＲＩＳ', 'film paris'],
    ['Łódź', 'lodz'],
    ['déjà-vu 75013', 'deja-vu 75013'],
  ])('%s → %s', (input, expected) => {
    expect(fold(input)).toBe(expected);
  });
});

describe('fold: French elided articles are cut from their word, whatever the apostrophe', () => {
  // Every article of the list, with the straight ('), typographic (U+2019) and modifier-letter (U+02BC) apostrophe.
  const articles = ['d', 'l', 'j', 'qu', 'n', 's', 'c', 'm', 't', 'jusqu', 'lorsqu', 'puisqu'];
  const apostrophes = ["'", '\u2019', '\u02bc'];
  test.each(articles.flatMap((a) => apostrophes.map((ap) => [a, ap])))('%s%s before a word', (article, apostrophe) => {
    expect(fold(`${article.toUpperCase()}${apostrophe}Été`)).toBe(`${article}' ete`);
    expect(fold(`avant ${article}${apostrophe}ici`)).toBe(`avant ${article}' ici`);
  });

  test.each([
    ["Vacances d'Été", "vacances d' ete"],
    ['Boulevard de l’Hôpital', "boulevard de l' hopital"],
    ['Quai dʼOrsay', "quai d' orsay"],
    ['Saint-Germain-l’Auxerrois', "saint-germain-l' auxerrois"],
    ["'l'été'", "'l' ete'"],
    ['(l’an 2000)', "(l' an 2000)"],
    ['l’1er étage', "l' 1er etage"],
    ['ｌ＇été', "l' ete"],
  ])('%s → %s', (input, expected) => {
    expect(fold(input)).toBe(expected);
  });

  test.each([
    // Not an article: only the apostrophe is made straight.
    ['Aujourd’hui', "aujourd'hui"],
    ["O'Neil", "o'neil"],
    ["don't", "don't"],
    ["parents' day", "parents' day"],
    ['presqu’île', "presqu'ile"],
    // An article inside a word, or with nothing after its apostrophe.
    ["add'l", "add'l"],
    ["l'", "l'"],
    ["d' abord", "d' abord"],
    ['l’_x', "l'_x"],
  ])('%s → %s', (input, expected) => {
    expect(fold(input)).toBe(expected);
  });
});
