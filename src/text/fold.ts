import { splitElisions } from './elision';

const LIGATURES: Record<string, string> = { œ: 'oe', Œ: 'oe', æ: 'ae', Æ: 'ae', ß: 'ss', ø: 'o', Ø: 'o', ł: 'l', Ł: 'l', đ: 'd', Đ: 'd' };
const LIGATURE_RE = /[œŒæÆßøØłŁđĐ]/g;
const MARKS_RE = /\p{M}+/gu;
/** ASCII without an apostrophe: decomposition leaves it as it is, and it has no mark, ligature or elided article. */
const PLAIN_RE = /^[^'\u0080-\uffff]*$/;

/**
 * Case and accent folding shared by indexing and querying (SPEC §1: the minimal Elasticsearch
 * has no asciifolding, so folding happens here). "Élève" → "eleve", "Œuvre" → "oeuvre",
 * compatibility forms ("ﬁ", full-width letters) → their plain letters, and French elided articles
 * cut from their word ("L’Hôpital" → "l' hopital", see splitElisions).
 */
export function fold(text: string): string {
  if (PLAIN_RE.test(text)) return text.toLowerCase();
  return splitElisions(text.normalize('NFKD').replace(MARKS_RE, '').replace(LIGATURE_RE, (c) => LIGATURES[c] ?? c).toLowerCase());
}
