import type { SearchRequest } from '@elastic/elasticsearch/lib/api/types';
import type { SearchPlan } from '../model/searchPlan';
import { compileSearch } from './compileSearch';

/**
 * A page of OGC features: the records search of `plan` (in record id order, see planFeatures),
 * started after the record id `after` with `search_after` rather than an offset, so that a
 * `next` link stays valid however deep it goes (beyond the 10,000 of the result window).
 */
export function compileFeaturesPage(plan: SearchPlan, after: string | undefined): SearchRequest {
  const body = compileSearch({ ...plan, start: 0 });
  return after === undefined ? body : { ...body, search_after: [after] };
}
