import { jsonText } from '../jsonText';

/** Items of a JSON array written page by page: a separator before every page but the first. */
export const jsonItems = (items: readonly unknown[], first: boolean): string =>
  (items.length === 0 ? '' : `${first ? '' : ', '}${items.map((i) => jsonText(i, false)).join(', ')}`);
