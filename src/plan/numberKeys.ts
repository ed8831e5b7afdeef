import type { AnalyzePlan } from '../model/analyze';
import type { SearchPlan } from '../model/searchPlan';
import { recordPaths } from '../schema/recordPaths';
import { keepsNumberKey } from '../schema/numberKeyFields';

/** Whether a plan has a facet on a number whose key a record index may keep: then the index is asked which keys it maps. */
export const countsNumbers = (plan: SearchPlan): boolean => plan.facets.some((f) => f.ctx !== undefined && keepsNumberKey(f.ctx.field));

/**
 * The plan with each facet on a number in `keyed` counted by its key (`k.<f>`) rather than its
 * value: the index keeps those keys (src/execute/keyedNumbers.ts). Refines and excludes still
 * select the number itself.
 */
export function withNumberKeys(plan: SearchPlan, keyed: ReadonlySet<string>): SearchPlan {
  if (keyed.size === 0) return plan;
  const facets = plan.facets.map((f) => (f.ctx !== undefined && keepsNumberKey(f.ctx.field) && keyed.has(f.name)
    ? { ...f, ctx: { ...f.ctx, keyPath: recordPaths.key(f.name) } }
    : f));
  return { ...plan, facets };
}

/** Whether an analyze groups by a number whose key a record index may keep. */
export const groupsNumbers = (plan: AnalyzePlan): boolean => plan.xs.some((x) => x.kind === 'terms' && keepsNumberKey(x.field));

/** The analyze grouping each number in `keyed` by its key (`k.<f>`): the same groups, in the same order, read back as numbers. */
export function analyzeWithNumberKeys(plan: AnalyzePlan, keyed: ReadonlySet<string>): AnalyzePlan {
  if (keyed.size === 0) return plan;
  const xs = plan.xs.map((x) => (x.kind === 'terms' && keepsNumberKey(x.field) && keyed.has(x.field.name) ? { ...x, keyPath: recordPaths.key(x.field.name) } : x));
  return { ...plan, xs };
}
