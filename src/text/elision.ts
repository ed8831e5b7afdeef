/** The apostrophes French text is written with: straight, typographic (U+2019), modifier letter (U+02BC). */
const APOSTROPHES_RE = /[’ʼ]/g;

/**
 * A French elided article or pronoun at the start of a word, before its apostrophe: `l'`, `d'`,
 * `j'`, `qu'`, `n'`, `s'`, `c'`, `m'`, `t'`, `jusqu'`, `lorsqu'`, `puisqu'`. Applied to folded
 * (lower-case, unaccented) text, with the apostrophes already made straight.
 */
const ELIDED_RE = /(?<![\p{L}\p{N}_])(jusqu|lorsqu|puisqu|qu|[cdjlmnst])'(?=[\p{L}\p{N}])/gu;

/**
 * French elision as the search sees it (SPEC §1: the minimal Elasticsearch has no elision filter):
 * every apostrophe becomes the straight one, and an elided article is cut from its word by a
 * space, so the `standard` tokenizer reads "d'ete" as the words "d" and "ete" and `ete` finds
 * it. The apostrophe is kept, so sorts on the folded text barely move.
 */
export function splitElisions(folded: string): string {
  return folded.replace(APOSTROPHES_RE, "'").replace(ELIDED_RE, "$1' ");
}
