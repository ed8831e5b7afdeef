import { PHRASE_PREFIX_EXPANSIONS, wordsClause } from '../../../src/compile/words';

/** What `match_phrase_prefix` reads of a text whose last word is split by the standard tokenizer. */
const phrasePrefix = (path: string, query: string): object => ({ match_phrase_prefix: { [path]: { query, max_expansions: 1000 } } });
const prefix = (path: string, value: string): object => ({ prefix: { [path]: { value } } });

describe('wordsClause on one path', () => {
  test('the longest expansion of a phrase prefix is 1000 terms', () => {
    expect(PHRASE_PREFIX_EXPANSIONS).toBe(1000);
  });

  test('phrase: whole words in order are a match_phrase', () => {
    expect(wordsClause(['t.title'], 'rue de la paix', 'phrase')).toEqual({ match_phrase: { 't.title': { query: 'rue de la paix' } } });
  });

  test('lastPrefix: every word, the last one a prefix, is a match_bool_prefix with operator and', () => {
    expect(wordsClause(['t.title'], 'rue de la pa', 'lastPrefix')).toEqual({ match_bool_prefix: { 't.title': { query: 'rue de la pa', operator: 'and' } } });
  });

  test.each([
    ['paris', 'Latin letters'],
    ['eleve', 'Latin letters, folded'],
    ['a', 'a single letter'],
    ['75013', 'digits only'],
    ['rue42', 'letters then digits'],
    ['москва', 'Cyrillic'],
    ['αθηνα', 'Greek'],
    ['երեվան', 'Armenian'],
    ['თბილისი', 'Georgian'],
    ['תלאביב', 'Hebrew'],
    ['القاهرة', 'Arabic'],
    ['ab١٢', 'Latin letters and Arabic-Indic digits'],
    ['parisмосква', 'Latin and Cyrillic letters together'],
  ])('prefix: %j (%s) is one index term, a plain prefix query', (text) => {
    expect(wordsClause(['t.title'], text, 'prefix')).toEqual(prefix('t.title', text));
  });

  test.each([
    ['e-mail', 'a hyphen splits words'],
    ['rue de la pa', 'spaces split words'],
    ['l\'eau', 'an apostrophe'],
    ['a.b', 'a full stop'],
    ['东京', 'Han, a script split into characters'],
    ['東京tokyo', 'Han and Latin together'],
    ['', 'no text at all'],
    ['paris ', 'a trailing space'],
    [' paris', 'a leading space'],
  ])('prefix: %j (%s) is a match_phrase_prefix', (text) => {
    expect(wordsClause(['t.title'], text, 'prefix')).toEqual(phrasePrefix('t.title', text));
  });

  // The punctuation of the listed scripts belongs to them (Script=Hebrew, …) but is no letter:
  // the standard tokenizer (UAX #29) splits words there (`תל־אביב` → "תל", "אביב"), so a single
  // prefix term would match nothing.
  test.each([
    ['תל־אביב', 'Hebrew maqaf U+05BE'],
    ['א׀ב', 'Hebrew paseq U+05C0'],
    ['القاهرة۔', 'Arabic full stop U+06D4'],
    ['٪٥', 'Arabic percent sign U+066A'],
    ['α͵β', 'Greek lower numeral sign U+0375'],
    ['α΄β', 'Greek tonos U+0384'],
    ['ա՝բ', 'Armenian comma U+055D'],
    ['м҂р', 'Cyrillic thousands sign U+0482'],
  ])('prefix: %j (%s) is split by the tokenizer, a match_phrase_prefix', (text) => {
    expect(wordsClause(['t.title'], text, 'prefix')).toEqual(phrasePrefix('t.title', text));
  });

  // UAX #29 (Unicode 15) counts these two as letters of a word, yet they are punctuation: taken
  // the safe way, a phrase prefix, which finds the same words when there is one.
  test.each([
    ['երևան֊գյումրի', 'Armenian hyphen U+058A'],
    ['ա՚բ', 'Armenian apostrophe U+055A'],
  ])('prefix: %j (%s), punctuation, is a match_phrase_prefix', (text) => {
    expect(wordsClause(['t.title'], text, 'prefix')).toEqual(phrasePrefix('t.title', text));
  });

  test.each([
    ['שָׁלוֹם', 'Hebrew points (combining marks of the Hebrew script)'],
    ['ѧ҃', 'Cyrillic titlo (a combining mark of the Cyrillic script)'],
  ])('prefix: %j (%s) stays one word, a plain prefix query', (text) => {
    expect(wordsClause(['t.title'], text, 'prefix')).toEqual(prefix('t.title', text));
  });
});

describe('wordsClause on several paths', () => {
  test('the words must all be found within one of the paths: a bool.should of one clause per path', () => {
    expect(wordsClause(['t.title', 't.description'], 'paris', 'prefix')).toEqual({
      bool: { should: [prefix('t.title', 'paris'), prefix('t.description', 'paris')], minimum_should_match: 1 },
    });
    expect(wordsClause(['t.a', 't.b', 't.c'], 'e-mail', 'prefix')).toEqual({
      bool: { should: [phrasePrefix('t.a', 'e-mail'), phrasePrefix('t.b', 'e-mail'), phrasePrefix('t.c', 'e-mail')], minimum_should_match: 1 },
    });
    expect(wordsClause(['t.a', 't.b'], 'x y', 'phrase')).toEqual({
      bool: { should: [{ match_phrase: { 't.a': { query: 'x y' } } }, { match_phrase: { 't.b': { query: 'x y' } } }], minimum_should_match: 1 },
    });
    expect(wordsClause(['t.a', 't.b'], 'x y', 'lastPrefix')).toEqual({
      bool: {
        should: [{ match_bool_prefix: { 't.a': { query: 'x y', operator: 'and' } } }, { match_bool_prefix: { 't.b': { query: 'x y', operator: 'and' } } }],
        minimum_should_match: 1,
      },
    });
  });

  test('no path at all matches nothing (Elasticsearch counts a bool with an empty should as match_all)', () => {
    expect(wordsClause([], 'paris', 'prefix')).toEqual({ match_none: {} });
  });
});
