import type { Access } from '../auth/access';
import { compileSearch } from '../compile/compileSearch';
import type { Deps } from '../execute/deps';
import { resolveDataset } from './resolveDataset';
import { searchIndex } from '../execute/searchIndex';
import type { RecordsSearchRequest } from '../model/recordsRequest';
import { planRecordsSearch } from '../plan/planRecordsSearch';
import type { SearchPlan } from '../model/searchPlan';
import { readSearchResult } from '../results/readSearchResult';
import type { SearchResult } from '../model/searchResult';

/** Records search, stage by stage: resolve the dataset → plan → compile → one Elasticsearch request → read. */
export async function runRecordsSearch(deps: Deps, access: Access, req: RecordsSearchRequest, now: number): Promise<{ plan: SearchPlan; result: SearchResult }> {
  const target = await resolveDataset(deps, access, req.dataset);
  const plan = planRecordsSearch(req, target, now);
  const res = await searchIndex(deps, compileSearch(plan));
  return { plan, result: readSearchResult(plan, res) };
}
