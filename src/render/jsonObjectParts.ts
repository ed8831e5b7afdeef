import { jsonText } from '../text/jsonText';

/**
 * `{...before, [key]: <array>, ...after}` as jsonText writes it compact, in three parts
 * (Rendered): the members before the array, the array's text as given (written whole: joining
 * written items into one string costs more than encoding them where they stand), and the members
 * after it. A page whose facet values need two bytes a character then encodes only that part that
 * way, not its records or datasets too.
 */
export function jsonObjectParts(before: Record<string, unknown>, key: string, arrayText: string, after: Record<string, unknown>): string[] {
  const open = jsonText(before, false).slice(0, -1);
  const rest = jsonText(after, false).slice(1);
  return [`${open}${open === '{' ? '' : ', '}${JSON.stringify(key)}: `, arrayText, rest === '}' ? '}' : `, ${rest}`];
}
