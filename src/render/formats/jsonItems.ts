import type { RecordHit } from '../../model/searchResult';

/** Items of a JSON array written page by page, each item by `item`: a separator before every page but the first. */
export function jsonItems(records: readonly RecordHit[], first: boolean, item: (hit: RecordHit) => string): string {
  if (records.length === 0) return '';
  let out = first ? '' : ', ';
  for (let i = 0; i < records.length; i++) out += (i === 0 ? '' : ', ') + item(records[i]);
  return out;
}
