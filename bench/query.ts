/**
 * bench/query: the query-language fuzz corpus of test/property (test/support/fuzzQueries.ts:
 * 100,000 random and mutated queries plus inputs built to hit the limits) through parse → plan →
 * compile, one query at a time, in this process: no Elasticsearch, no PostgreSQL. One pass warms
 * the code up, then BENCH_PASSES (3) are timed and each query keeps its best time, so that a
 * garbage collection or another process on the machine is not charged to whichever query it
 * interrupted. Prints the p50, the p99 and the slowest per-query time (a refused query is timed
 * until its error), the slowest query, and whether every query stayed under the goal of 50 ms.
 *   npm run bench:query            (BENCH_PASSES=1: single-pass times, pauses included)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDescriptor } from '../src/catalog/parseDescriptor';
import { compilePredicate } from '../src/compile/compilePredicate';
import { resolveSchema } from '../src/ingest/resolveSchema';
import type { PlanOptions } from '../src/plan/planContext';
import { planQuery } from '../src/plan/planQuery';
import { recordQuerySchema } from '../src/schema/recordQuerySchema';
import { QueryError } from '../src/query/queryError';
import { FUZZ_TARGET, fuzzQueries } from '../test/support/fuzzQueries';

const GOAL_MS = 50;
const ROOT = join(__dirname, '..', '..');

function planOptions(): PlanOptions {
  const file = join(ROOT, 'fixtures', 'descriptors', `${FUZZ_TARGET.dataset}.json`);
  const fields = resolveSchema(parseDescriptor(JSON.parse(readFileSync(file, 'utf8')), file), []);
  return { schema: recordQuerySchema(fields), timeZone: FUZZ_TARGET.timeZone, now: FUZZ_TARGET.now };
}

/** One pass over the corpus: each query's time in ms, and how many were planned. */
function pass(queries: string[], options: PlanOptions): { times: Float64Array; planned: number } {
  const times = new Float64Array(queries.length);
  let planned = 0;
  for (let i = 0; i < queries.length; i++) {
    const started = performance.now();
    try {
      compilePredicate(planQuery(queries[i], options));
      planned++;
    } catch (err) {
      if (!(err instanceof QueryError)) throw err;
    }
    times[i] = performance.now() - started;
  }
  return { times, planned };
}

function main(): void {
  const options = planOptions();
  const queries = fuzzQueries();
  pass(queries, options);
  const { times, planned } = pass(queries, options);
  for (let n = 1; n < Number(process.env.BENCH_PASSES ?? 3); n++) {
    const again = pass(queries, options).times;
    for (let i = 0; i < times.length; i++) times[i] = Math.min(times[i], again[i]);
  }
  let slowest = 0;
  for (let i = 1; i < times.length; i++) if (times[i] > times[slowest]) slowest = i;
  const sorted = Float64Array.from(times).sort();
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))];
  const q = queries[slowest];
  console.log(['dataset', 'queries', 'planned', 'refused', 'p50 ms', 'p99 ms', 'slowest ms', `goal: every query < ${GOAL_MS} ms`, 'slowest query (first 80 characters)', 'its length'].join('\t'));
  console.log([FUZZ_TARGET.dataset, queries.length, planned, queries.length - planned, at(0.5).toFixed(4), at(0.99).toFixed(4),
    times[slowest].toFixed(2), times[slowest] < GOAL_MS ? 'met' : 'missed', JSON.stringify(q.slice(0, 80)), q.length].join('\t'));
}

main();
