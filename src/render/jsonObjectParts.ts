import { jsonText } from '../text/jsonText';
import type { BodyPart } from './rendered';

/**
 * `{...before, [key]: <value>, ...after}` as jsonText writes it compact, in parts (Rendered): the
 * members before, the member's value as the parts given, and the members after. A page whose facet
 * values need two bytes a character then encodes only that part that way, not its records or
 * datasets too; and a large page is never flattened into one string (for a page of 267 KB, about
 * half its encoding time).
 */
export function jsonObjectParts<P extends BodyPart>(before: Record<string, unknown>, key: string, value: readonly P[], after: Record<string, unknown>): Array<P | string> {
  const open = jsonText(before, false).slice(0, -1);
  const rest = jsonText(after, false).slice(1);
  return [`${open}${open === '{' ? '' : ', '}${JSON.stringify(key)}: `, ...value, rest === '}' ? '}' : `, ${rest}`];
}

/** An array of written items (texts, or UTF-8 bytes), as jsonText writes it compact, one part per item (and one per separator between byte items). */
export function jsonArrayParts<P extends BodyPart>(items: readonly P[]): Array<P | string> {
  if (items.length === 0) return ['[]'];
  return items.flatMap((item, i): Array<P | string> => {
    if (typeof item === 'string') return [i === 0 ? `[${item}` : `, ${item}`];
    return [i === 0 ? '[' : ', ', item];
  }).concat(']');
}
