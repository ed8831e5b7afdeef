/** The keys and indices that lead to a place in a JSON value (`['metadata', 'keyword', 1]`). */
export type JsonPath = Array<string | number>;

/** A place being walked: its value, and the key or index that leads there from its parent. */
interface Place { value: unknown; step: string | number | null; parent: Place | null }

function pathOf(place: Place): JsonPath {
  const steps: JsonPath = [];
  for (let p: Place | null = place; p !== null && p.step !== null; p = p.parent) steps.push(p.step);
  return steps.reverse();
}

/**
 * The places of a parsed JSON value whose text, or whose key's name, holds a NUL character
 * (U+0000), in document order, at most `max` of them. PostgreSQL stores none in text or jsonb.
 * Walked with a stack of its own and paths made only for what is found: a body may nest thousands
 * of levels before anything refuses its depth.
 */
export function nulPlaces(value: unknown, max = Infinity): JsonPath[] {
  const found: JsonPath[] = [];
  const stack: Place[] = [{ value, step: null, parent: null }];
  for (let place = stack.pop(); place !== undefined && found.length < max; place = stack.pop()) {
    const v = place.value;
    if (typeof v === 'string') {
      if (v.includes('\u0000')) found.push(pathOf(place));
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ value: v[i], step: i, parent: place });
    } else if (v !== null && typeof v === 'object') {
      const entries = Object.entries(v);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, item] = entries[i];
        const child = { value: item, step: key, parent: place };
        // A key's name is met before the value under it, and reported instead of it.
        if (key.includes('\u0000')) stack.push({ value: '\u0000', step: key, parent: place });
        else stack.push(child);
      }
    }
  }
  return found;
}
