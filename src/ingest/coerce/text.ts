import { Coerced, empty, invalid, isBlank, show, value } from './result';

function scalarText(raw: unknown): string | undefined {
  if (typeof raw === 'string') return raw;
  if (typeof raw === 'number' && Number.isFinite(raw)) return String(raw);
  if (typeof raw === 'boolean') return String(raw);
  return undefined;
}

/**
 * Text keeps its value as published. A list in the source, or a string split on the
 * `multivalued` separator, gives several values; blank items are dropped.
 */
export function coerceText(raw: unknown, separator?: string): Coerced<string | string[]> {
  if (isBlank(raw)) return empty;
  if (Array.isArray(raw)) {
    const items: string[] = [];
    for (const item of raw) {
      if (isBlank(item)) continue;
      const s = scalarText(item);
      if (s === undefined) return invalid(`list item is not text: ${show(item)}`);
      items.push(s);
    }
    return items.length === 0 ? empty : value(items);
  }
  const s = scalarText(raw);
  if (s === undefined) return invalid(`not text: ${show(raw)}`);
  if (separator) {
    const items = s.split(separator).map((x) => x.trim()).filter((x) => x !== '');
    return items.length === 0 ? empty : value(items.length === 1 ? items[0] : items);
  }
  return value(s);
}
