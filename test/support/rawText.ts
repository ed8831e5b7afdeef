/**
 * The tests' own idea of "the words of a text", written independently of src/text/fold.ts:
 * canonical decomposition, combining marks dropped, a few ligatures spelled out, lower case,
 * then runs of letters and digits.
 */
export function rawWords(text: string): string[] {
  const folded = text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/œ/gi, 'oe').replace(/æ/gi, 'ae').toLowerCase();
  return folded.split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '');
}

/** True when `phrase`'s words appear consecutively in `text`. */
export function hasPhrase(text: string, phrase: string): boolean {
  const words = rawWords(text), wanted = rawWords(phrase);
  return words.some((_, i) => wanted.every((w, j) => words[i + j] === w));
}

export const hasWordStarting = (text: string, prefix: string): boolean => rawWords(text).some((w) => w.startsWith(prefix));
