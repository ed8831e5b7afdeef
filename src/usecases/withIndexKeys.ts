import type { Deps } from '../execute/deps';
import { keyedNumbers } from '../execute/keyedNumbers';
import type { AnalyzePlan } from '../model/analyze';
import type { SearchPlan } from '../model/searchPlan';
import { analyzeWithNumberKeys, countsNumbers, groupsNumbers, withNumberKeys } from '../plan/numberKeys';

/**
 * `plan` with its number facets counted by their keys where the index keeps them. Elasticsearch is
 * asked which keys it maps (once in a while: src/execute/keyedNumbers.ts) only for a plan with
 * such a facet, and only once the request is planned: a bad parameter is refused before any call.
 */
export async function withIndexKeys(deps: Deps, plan: SearchPlan): Promise<SearchPlan> {
  return countsNumbers(plan) ? withNumberKeys(plan, await keyedNumbers(deps.es, plan.index)) : plan;
}

/** An analyze grouping by a number, by its key where the index keeps one: asked for as withIndexKeys asks. */
export async function analyzeWithIndexKeys(deps: Deps, plan: AnalyzePlan): Promise<AnalyzePlan> {
  return groupsNumbers(plan) ? analyzeWithNumberKeys(plan, await keyedNumbers(deps.es, plan.index)) : plan;
}
