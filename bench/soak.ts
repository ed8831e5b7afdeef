/**
 * bench/soak: a long run of mixed load at a fixed share of the measured capacity, to see errors,
 * latency drift and memory growth over time (not in CI).
 *   npm run bench:soak                 10 minutes at 80 % of capacity
 *   SOAK_MINUTES=2 SOAK_SHARE=0.8 SOAK_CONNECTIONS=16 npm run bench:soak
 * First the capacity: the mix sent as fast as SOAK_CONNECTIONS connections allow, CAPACITY_REQUESTS
 * requests. Then requests are started at SOAK_SHARE of that rate, whatever the answers take (an
 * open loop, as real clients arrive), at most MAX_IN_FLIGHT at a time. Each minute prints the
 * requests, errors, p50 and p99 of that minute, and the API process's resident memory (RSS).
 */
import { readFileSync } from 'node:fs';
import { loadConfig } from '../src/config/config';
import { openDeps } from '../src/execute/openDeps';
import { CONNECTIONS, ensureSource, measure, SOURCE, startApi } from './harness';

const MINUTES = Number(process.env.SOAK_MINUTES ?? 10);
const SHARE = Number(process.env.SOAK_SHARE ?? 0.8);
const CAPACITY_CONNECTIONS = Number(process.env.SOAK_CONNECTIONS ?? 16);
const CAPACITY_REQUESTS = 2000;
const MAX_IN_FLIGHT = CONNECTIONS * 2;

const q = (params: Record<string, string>) => new URLSearchParams({ dataset: SOURCE, ...params }).toString();
/** The mix: the endpoint families a portal front page and its widgets call. */
const MIX = [
  `/api/records/1.0/search?${q({ q: 'rue', facet: 'type_tournage', rows: '10' })}&facet=annee_tournage`,
  `/api/records/1.0/search?${q({ facet: 'date_debut', 'refine.date_debut': '2019', rows: '100' })}`,
  `/api/records/1.0/search?${q({ 'geofilter.distance': '48.8566,2.3522,3000', sort: '-date_debut', rows: '20' })}`,
  `/api/records/1.0/search?${q({ q: 'annee_tournage>=2019 AND adresse_lieu:rue', 'exclude.type_tournage': 'Long métrage', facet: 'ardt_lieu' })}`,
  `/api/3/action/datastore_search?${new URLSearchParams({ resource_id: SOURCE, q: 'rue', limit: '20' })}`,
  `/api/records/1.0/analyze?${q({ x: 'annee_tournage', 'y.n.func': 'COUNT' })}`,
  `/api/records/1.0/download?${q({ rows: '200', format: 'csv' })}`,
  `/api/datasets/1.0/search?${new URLSearchParams({ q: 'tournage' })}`,
];

const rssMb = (pid: number): number => {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Math.round(Number(m[1]) / 1024) : NaN;
};
const pct = (sorted: number[], p: number): string => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))].toFixed(1) : '-');

async function main(): Promise<void> {
  const env = { ...process.env, ES_INDEX_PREFIX: process.env.ES_INDEX_PREFIX || 'bench-' };
  const deps = await openDeps(loadConfig(env));
  await ensureSource(deps);
  await deps.close();
  const api = await startApi(env);
  try {
    for (const path of MIX) await api.get(path); // every request of the mix answers 200, or the soak stops here
    let turn = 0;
    const capacity = await measure(() => api.get(MIX[turn++ % MIX.length]), CAPACITY_REQUESTS, CAPACITY_CONNECTIONS);
    const rate = capacity.perSecond * SHARE;
    console.log(`capacity ${capacity.perSecond.toFixed(0)} req/s with ${CAPACITY_CONNECTIONS} connections (p50 ${capacity.p50.toFixed(1)} ms); soaking ${MINUTES} min at ${rate.toFixed(0)} req/s (${Math.round(SHARE * 100)} %)`);
    console.log('minute\trequests\terrors\tskipped\tp50 ms\tp99 ms\tRSS MB\tRSS max MB');

    const errors: string[] = [];
    let total = 0, failed = 0;
    let inFlight = 0;
    let minute = { latencies: [] as number[], errors: 0, skipped: 0, rssMax: 0 };
    const sampler = setInterval(() => { minute.rssMax = Math.max(minute.rssMax, rssMb(api.pid)); }, 5000);
    const t0 = performance.now();
    const interval = 1000 / rate;
    let sent = 0;
    for (let m = 1; m <= MINUTES; m++) {
      const end = t0 + m * 60_000;
      while (performance.now() < end) {
        const due = t0 + sent * interval;
        const wait = due - performance.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        sent++;
        if (inFlight >= MAX_IN_FLIGHT) { minute.skipped++; continue; }
        const bucket = minute;
        const path = MIX[sent % MIX.length];
        const t = performance.now();
        inFlight++;
        api.get(path).then(
          () => { total++; bucket.latencies.push(performance.now() - t); },
          (err: unknown) => { total++; failed++; bucket.errors++; if (errors.length < 20) errors.push(`${path}: ${(err as Error).message.slice(0, 200)}`); },
        ).finally(() => { inFlight--; });
      }
      const done = minute;
      minute = { latencies: [], errors: 0, skipped: 0, rssMax: 0 };
      const rss = rssMb(api.pid);
      const sorted = [...done.latencies].sort((a, b) => a - b);
      console.log([m, done.latencies.length + done.errors, done.errors, done.skipped, pct(sorted, 0.5), pct(sorted, 0.99), rss, Math.max(rss, done.rssMax)].join('\t'));
    }
    clearInterval(sampler);
    while (inFlight > 0) await new Promise((r) => setTimeout(r, 50));
    console.log(`${total} requests, ${failed} errors`);
    if (errors.length) console.log(`first errors:\n${errors.join('\n')}`);
  } finally {
    api.stop();
  }
}

main().catch((err: unknown) => { console.error(err); process.exitCode = 1; });
