import { jsonBytes } from '../text/jsonBytes';
import type { BodyPart } from './rendered';

/**
 * `{...before, [key]: <value>, ...after}` as jsonText writes it compact, in parts (Rendered): the
 * members before, the member's value as the parts given, and the members after. The members
 * before and after are written as UTF-8 bytes at once (jsonBytes): a page's facet groups, often
 * most of its bytes, are neither built as text nor flattened and encoded again; and a large page
 * is never flattened into one string (for a page of 267 KB, about half its encoding time).
 */
export function jsonObjectParts<P extends BodyPart>(before: Record<string, unknown>, key: string, value: readonly P[], after: Record<string, unknown>): BodyPart[] {
  const member = `${JSON.stringify(key)}: `;
  const open = jsonBytes(before);
  const head: BodyPart[] = open.length === 2 ? [`{${member}`] : [open.subarray(0, open.length - 1), `, ${member}`];
  const rest = jsonBytes(after);
  return [...head, ...value, ...(rest.length === 2 ? ['}'] : [', ', rest.subarray(1)])];
}

/** An array of written items (texts, or UTF-8 bytes), as jsonText writes it compact, one part per item (and one per separator between byte items). */
export function jsonArrayParts<P extends BodyPart>(items: readonly P[]): Array<P | string> {
  if (items.length === 0) return ['[]'];
  return items.flatMap((item, i): Array<P | string> => {
    if (typeof item === 'string') return [i === 0 ? `[${item}` : `, ${item}`];
    return [i === 0 ? '[' : ', ', item];
  }).concat(']');
}
