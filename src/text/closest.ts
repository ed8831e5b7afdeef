import { fold } from './fold';

/** Levenshtein distance between two strings (insertions, deletions and substitutions cost 1). */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}

/**
 * The candidate nearest to `wanted` for a "did you mean" hint: by edit distance once both are
 * folded (case and accents ignored), the first listed on a tie; undefined when there is none.
 */
export function closestMatch(wanted: string, candidates: Iterable<string>): string | undefined {
  const target = fold(wanted);
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const distance = editDistance(target, fold(candidate));
    if (!best || distance < best.distance) best = { candidate, distance };
  }
  return best?.candidate;
}
