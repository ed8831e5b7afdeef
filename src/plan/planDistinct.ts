import { AppError } from '../errors/catalogue';
import type { DistinctPlan, SearchPlan } from '../model/searchPlan';
import { isGeo } from '../model/querySchema';
import { recordPaths } from '../schema/recordPaths';
import { allFilters, allOf } from './combine';

/**
 * `distinct=true` → what makes rows equal: every returned field but `_id` (a multivalued text field
 * cannot be compared as one value: a 409 naming `fields`), and the order of the distinct rows:
 * the sort clauses, which must name returned fields or `_id` (as SQL's SELECT DISTINCT … ORDER BY
 * requires), then the first record of each row.
 */
export function planDistinct(plan: SearchPlan, fieldsGiven: boolean): DistinctPlan {
  const fields = plan.fields ?? plan.schema;
  const multi = fields.find((f) => f.annotations.some((a) => a.name === 'multivalued'));
  if (multi) {
    throw new AppError('bad_parameter', `invalid value "${multi.name}": distinct cannot compare a multivalued field; list the fields to compare in fields`, { parameter: fieldsGiven ? 'fields' : 'distinct' });
  }
  const keys = fields.map((f) => ({ path: recordPaths.value(f.name), geo: isGeo(f.type) }));
  const order = plan.sort.filter((k) => k.path !== 'recordid');
  for (const k of order) {
    if (k.path !== 'line' && !keys.some((key) => key.path === k.path)) {
      throw new AppError('bad_parameter', `invalid value "${k.path.replace(/^v\./, '')}": with distinct, sort by returned fields (or _id) only`, { parameter: 'sort' });
    }
  }
  return { index: plan.index, query: allOf([plan.query, allFilters(plan.filters)]), keys, order };
}
