import type { SearchPlan } from '../model/searchPlan';

/** What a catalog search reads of each entry: fields of `_source`, and stored fields (the texts the catalog keeps written). */
export interface CatalogReading { source: string[]; storedFields?: string[] }

/** `plan` reading `reading` of each entry, and nothing else: not the stored fields the plan chose for its format. */
export function withReading(plan: SearchPlan, reading: CatalogReading): SearchPlan {
  const copy = { ...plan };
  delete copy.storedFields;
  return { ...copy, ...reading };
}
