/**
 * How a records search grows with the dataset: the same request (bench/search.ts's first shape)
 * on synthetic copies of the source at several sizes, sequentially, ours and direct, with each
 * size's p50 over the smallest size's (the goal: p50 at 1M records ≤ 3× p50 at 10k).
 * The sizes are BENCH_GROWTH (records, comma-separated; default 10000,100000,1000000).
 */
import { anonymous } from '../src/auth/access';
import { compileSearch } from '../src/compile/compileSearch';
import type { Deps } from '../src/execute/deps';
import { ParamReader } from '../src/dialects/shared/paramReader';
import { readQueryString } from '../src/dialects/shared/rawParams';
import { recordsSearchParams } from '../src/dialects/ods-v1/recordsSearchParams';
import { planRecordsSearch } from '../src/plan/planRecordsSearch';
import { resolveDataset } from '../src/usecases/resolveDataset';
import { withIndexKeys } from '../src/usecases/withIndexKeys';
import { asConfigured, directSearch, measure, SOURCE, type Api } from './harness';
import { ensureSyntheticDataset } from './syntheticDataset';

/** The sizes to measure, from BENCH_GROWTH. */
export function growthSizes(env: NodeJS.ProcessEnv): number[] {
  const sizes = (env.BENCH_GROWTH ?? '10000,100000,1000000').split(',').map((s) => Number(s.trim()));
  if (sizes.length === 0 || sizes.some((n) => !Number.isInteger(n) || n <= 0)) throw new Error(`BENCH_GROWTH: positive record counts separated by commas, not ${env.BENCH_GROWTH}`);
  return sizes;
}

export const GROWTH_HEADER = 'records\trequest\tours p50 ms\tdirect p50 ms\tdirect p50 / smallest\tours p50 / smallest';

/** One line per size: p50 of `params` on the synthetic dataset of that size, and its ratio to the first size's. */
export async function searchGrowth(deps: Deps, api: Api, name: string, params: Record<string, string>, sizes: number[], sequential: number): Promise<string[]> {
  const lines: string[] = [];
  let first: { ours: number; direct: number } | undefined;
  for (const n of sizes) {
    const dataset = await ensureSyntheticDataset(deps, SOURCE, n);
    const qs = new URLSearchParams({ dataset, ...params }).toString();
    const request = recordsSearchParams(new ParamReader(readQueryString(qs)));
    const target = await resolveDataset(deps, anonymous('default'), request.dataset);
    const body = compileSearch(await withIndexKeys(deps, planRecordsSearch(request, target, Date.now())));
    const { ours, direct } = await asConfigured(deps, dataset, async () => ({
      ours: (await measure(() => api.get(`/api/records/1.0/search?${qs}`), sequential, 1)).p50,
      direct: (await measure(() => directSearch(deps, body, target.row.recordsCount), sequential, 1)).p50,
    }));
    first ??= { ours, direct };
    lines.push([n, name, ours.toFixed(2), direct.toFixed(2), (direct / first.direct).toFixed(2), (ours / first.ours).toFixed(2)].join('\t'));
    console.error(lines[lines.length - 1]);
  }
  return lines;
}
