import { jsonText } from '../text/jsonText';

/**
 * `{...before, [key]: [items], ...after}` as jsonText writes it compact, in parts (Rendered): the
 * members before the array with its opening, the items already written (joined into one part),
 * and the array's closing with the members after it. A page whose facet values need two bytes a
 * character then encodes only that part that way, not its records or datasets too.
 */
export function jsonObjectParts(before: Record<string, unknown>, key: string, items: readonly string[], after: Record<string, unknown>): string[] {
  const open = jsonText(before, false).slice(0, -1);
  const rest = jsonText(after, false).slice(1);
  return [`${open}${open === '{' ? '' : ', '}${JSON.stringify(key)}: [`, items.join(', '), rest === '}' ? ']}' : `], ${rest}`];
}
