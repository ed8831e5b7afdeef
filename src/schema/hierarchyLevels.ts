/** Levels of a hierarchy that are indexed (and faceted) one by one; deeper levels stay within the last. */
export const HIERARCHY_LEVELS = 8;

/** The index key of the paths at depth `n` (1-based): `l1` holds "Bretagne", `l2` "Bretagne/Finistère". */
export const levelKey = (n: number): string => `l${Math.min(n, HIERARCHY_LEVELS)}`;

/**
 * The ancestor paths of some values, grouped by depth, so a facet can ask for one level at a time
 * and a refine on a path is a term on its level.
 */
export function hierarchyLevels(values: readonly string[], separator: string): Record<string, string[]> {
  const levels: Record<string, Set<string>> = {};
  for (const v of values) {
    const segments = v.split(separator).map((l) => l.trim()).filter((l) => l !== '');
    for (let i = 0; i < Math.min(segments.length, HIERARCHY_LEVELS); i++) {
      const path = i === HIERARCHY_LEVELS - 1 ? segments.join(separator) : segments.slice(0, i + 1).join(separator);
      (levels[levelKey(i + 1)] ??= new Set()).add(path);
    }
  }
  return Object.fromEntries(Object.entries(levels).map(([k, set]) => [k, [...set]]));
}
