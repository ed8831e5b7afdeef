/** French elided articles and pronouns (SPEC §1), as the tests list them. */
export const ELIDED = ['c', 'd', 'j', 'l', 'm', 'n', 's', 't', 'qu', 'jusqu', 'lorsqu', 'puisqu'];

/** The three apostrophes French is written with, all read as the straight one. */
const straightApostrophes = (s: string): string => s.replace(/\u2019/g, "'").replace(/\u02bc/g, "'");

/**
 * The tests' own idea of "the words of a text", written independently of src/text/fold.ts:
 * canonical decomposition, combining marks dropped, a few ligatures spelled out, lower case,
 * then runs of letters and digits (so an apostrophe of any kind parts two words).
 */
export function rawWords(text: string): string[] {
  const folded = straightApostrophes(text).normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/œ/gi, 'oe').replace(/æ/gi, 'ae').toLowerCase();
  return folded.split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '');
}

/** True when `phrase`'s words appear consecutively in `text`. */
export function hasPhrase(text: string, phrase: string): boolean {
  const words = rawWords(text), wanted = rawWords(phrase);
  return words.some((_, i) => wanted.every((w, j) => words[i + j] === w));
}

export const hasWordStarting = (text: string, prefix: string): boolean => rawWords(text).some((w) => w.startsWith(prefix));

/**
 * Words as Unicode's word boundaries (UAX #29, which Elasticsearch's `standard` tokenizer
 * follows) cut a folded text: runs of letters, digits and `_`, where an apostrophe, a period or
 * a colon between two letters (`c'est`, `u.s`) and a period, comma or semicolon between two
 * digits (`3.5`, `1,000`) do not end the word; then a French elided article at the start of a
 * word (`d'ete`, `l’hopital`, `qu'il`) is a word of its own.
 */
export function uaxWords(text: string): string[] {
  const folded = straightApostrophes(text).normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/œ/gi, 'oe').replace(/æ/gi, 'ae').toLowerCase();
  const words = folded.match(/[\p{L}\p{N}_]+(?:(?:(?<=\p{L})['.:](?=\p{L})|(?<=\p{N})[.,;](?=\p{N}))[\p{L}\p{N}_]+)*/gu) ?? [];
  const unElide = (w: string): string[] => {
    const cut = w.indexOf("'");
    return cut > 0 && ELIDED.includes(w.slice(0, cut)) ? [w.slice(0, cut), ...unElide(w.slice(cut + 1))] : [w];
  };
  return words.flatMap(unElide);
}

/**
 * A bare word of the query language against some texts, as SPEC §3 reads it: its words must
 * follow one another in one text, the last one also matching longer words unless the query
 * word ends with a character that is not a letter or digit (`C++`).
 */
export function matchesBareWord(texts: readonly string[], word: string): boolean {
  const wanted = uaxWords(word);
  const prefixLast = /[\p{L}\p{N}]$/u.test(word);
  return texts.some((t) => {
    const words = uaxWords(t);
    return words.some((_, i) => wanted.every((w, j) => (j === wanted.length - 1 && prefixLast ? (words[i + j] ?? '').startsWith(w) : words[i + j] === w)));
  });
}
