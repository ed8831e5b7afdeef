import type { WordsMatch } from '../model/predicate';
import { orClause } from './boolean';
import type { EsQuery } from './esQuery';

/**
 * Longest expansion of the last word of a multi-word prefix (`e-mai` → "e mai…"), when that word
 * is too long for the index's prefix field (mappings: index_prefixes up to 10 characters).
 */
export const PHRASE_PREFIX_EXPANSIONS = 1000;

/**
 * Scripts whose words the standard tokenizer keeps whole: a folded word made only of their
 * letters (with their combining marks) and of digits is exactly one index term, so a plain prefix
 * query finds every word starting with it (through the prefix field when it is short, the terms
 * dictionary otherwise). A script's own punctuation (Hebrew maqaf U+05BE, Arabic full stop
 * U+06D4, Greek numeral sign U+0375, …) is no letter: the tokenizer splits words there.
 */
const ONE_TERM = /^(?:(?=[\p{L}\p{M}])[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{Script=Armenian}\p{Script=Georgian}\p{Script=Hebrew}\p{Script=Arabic}]|\p{Nd})+$/u;

function onePath(path: string, text: string, match: WordsMatch): EsQuery {
  switch (match) {
    case 'phrase': return { match_phrase: { [path]: { query: text } } };
    case 'lastPrefix': return { match_bool_prefix: { [path]: { query: text, operator: 'and' } } };
    case 'prefix':
      return ONE_TERM.test(text)
        ? { prefix: { [path]: { value: text } } }
        : { match_phrase_prefix: { [path]: { query: text, max_expansions: PHRASE_PREFIX_EXPANSIONS } } };
  }
}

/**
 * Words searched in folded text fields. The text was folded like the indexed text, and
 * Elasticsearch splits it with the same analyzer, so "Élève" finds "eleve" and `e-mail` the
 * words "e" then "mail…". Several paths: the words must all be found within one of them.
 */
export function wordsClause(paths: string[], text: string, match: WordsMatch): EsQuery {
  return paths.length === 1 ? onePath(paths[0], text, match) : orClause(paths.map((p) => onePath(p, text, match)));
}
