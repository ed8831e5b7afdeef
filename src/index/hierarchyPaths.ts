/**
 * Every ancestor path of a hierarchical value, so that each level can be filtered and counted
 * as a plain keyword: "Bretagne/Finistère" → ["Bretagne", "Bretagne/Finistère"]. Empty levels
 * (a doubled or trailing separator) are dropped.
 */
export function hierarchyPaths(value: string, separator: string): string[] {
  const levels = value.split(separator).map((l) => l.trim()).filter((l) => l !== '');
  return levels.map((_, i) => levels.slice(0, i + 1).join(separator));
}
