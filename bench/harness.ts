/**
 * What the benchmarks share: the API started in its own process, a keep-alive HTTP client, the
 * measurement (p50, p95, throughput; sequential or with N connections), the source dataset, and
 * the table printed at the end.
 */
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { Agent, get } from 'node:http';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { SearchRequest } from '@elastic/elasticsearch/lib/api/types';
import { parseDescriptor } from '../src/catalog/parseDescriptor';
import { loadConfig } from '../src/config/config';
import { getDataset } from '../src/execute/datasetStore';
import type { Deps } from '../src/execute/deps';
import { openDeps } from '../src/execute/openDeps';
import { searchIndex } from '../src/execute/searchIndex';
import { countsApartFor } from '../src/execute/splitSearch';
import { liveIndexFormat } from '../src/execute/liveIndexFormat';
import { RECORDS_FORMAT } from '../src/index/recordsFormat';
import { recordsAlias } from '../src/schema/indexNames';
import { publishDataset } from '../src/usecases/publishDataset';
import { reindexAlone } from '../src/usecases/reindexAlone';
import { ensureSyntheticDataset } from './syntheticDataset';
import { cpuMeter, type CpuMeter, cpuTotal, type CpuTimes } from './cpuMeter';
import { serveNodeFlags } from './serveFlags';

const ROOT = join(__dirname, '..', '..');
export const SOURCE = 'lieux-de-tournage-a-paris';
export const CONNECTIONS = 32;
/** The fewest calls that warm a side before it is measured. */
const WARMUP = 20;
/**
 * How long each side is warmed at least before it is measured (BENCH_WARMUP_MS, 1,500 ms), at no
 * fewer than WARMUP_CONNECTIONS connections, and then for as long as its throughput still rises,
 * up to WARMUP_MAX_MS. A new API process spent 3 ms of CPU on its first free-text pages and 0.9
 * ms once V8 had compiled its hot paths, 4 to 8 seconds later under load (README, Performance):
 * twenty calls measured the compiler, not the API; and 1.5 s still left the first request of
 * bench:search measured at 5.4 ms of API CPU a call where the next took 1.9 (2026-12-06, 20:37).
 */
const WARMUP_MS = Number(process.env.BENCH_WARMUP_MS ?? 1500);
const WARMUP_MAX_MS = 15_000;
const WARMUP_CONNECTIONS = 8;
/** Throughput is read every WINDOW_MS; it still rises while a window's beats every earlier one's by more than RISING. */
const WINDOW_MS = 500;
const RISING = 1.05;

/** True while the last window's calls a second beat the best earlier window's by more than RISING. */
const stillRising = (rates: readonly number[]): boolean => rates.length < 2 || rates[rates.length - 1] > RISING * Math.max(...rates.slice(0, -1));

/**
 * Calls `run` over at least WARMUP_CONNECTIONS connections until WARMUP calls are made, WARMUP_MS
 * has passed and its throughput no longer rises from one window to the next (or WARMUP_MAX_MS has
 * passed).
 */
export async function warmUp(run: () => Promise<void>, connections: number): Promise<void> {
  const start = performance.now();
  const rates: number[] = [];
  let calls = 0, windowCalls = 0, windowStart = start, warm = false;
  await Promise.all(Array.from({ length: Math.max(connections, WARMUP_CONNECTIONS) }, async () => {
    while (!warm) {
      await run();
      calls++;
      windowCalls++;
      const now = performance.now();
      if (now - windowStart < WINDOW_MS) continue;
      rates.push((windowCalls * 1000) / (now - windowStart));
      windowCalls = 0;
      windowStart = now;
      warm = calls >= WARMUP && now - start >= WARMUP_MS && (!stillRising(rates) || now - start >= WARMUP_MAX_MS);
    }
  }));
}

/**
 * The direct side of a comparison: the Elasticsearch request the API sends for `body`, made with
 * the client and parsed, and nothing else. On a dataset of `recordsCount` records the API sends a
 * page as one `_msearch` of its hits and its counts (src/execute/splitSearch.ts) from
 * COUNTS_APART_FROM records on, so the two sides ask Elasticsearch the same.
 */
export const directSearch = async (deps: Deps, body: SearchRequest, recordsCount = 0): Promise<void> => {
  await searchIndex(deps, body, { countsApart: countsApartFor(recordsCount) });
};

/** p50 and p95 in ms, calls a second, and the machine's CPU ms per call when it was metered. */
export interface Stats { p50: number; p95: number; perSecond: number; cpu?: CpuTimes }

export function stats(latencies: number[], seconds: number): Stats {
  const s = [...latencies].sort((a, b) => a - b);
  return { p50: s[Math.floor(s.length * 0.5)], p95: s[Math.floor(s.length * 0.95)], perSecond: latencies.length / seconds };
}

/** `total` calls of `run` over `connections`, appended to `latencies`; the seconds they took. */
export async function block(run: () => Promise<void>, total: number, connections: number, latencies: number[]): Promise<number> {
  let next = 0;
  const t0 = performance.now();
  await Promise.all(Array.from({ length: connections }, async () => {
    while (next++ < total) {
      const t = performance.now();
      await run();
      latencies.push(performance.now() - t);
    }
  }));
  return (performance.now() - t0) / 1000;
}

/** `total` calls of `run` over `connections` after its warm-up: their p50, p95 and calls a second. */
export async function measure(run: () => Promise<void>, total: number, connections: number): Promise<Stats> {
  await warmUp(run, connections);
  const latencies: number[] = [];
  const seconds = await block(run, total, connections, latencies);
  return stats(latencies, seconds);
}

/** Publishes the fixture dataset `id` (fixtures/descriptors/<id>.json) unless it already has its records. */
export async function ensureFixture(deps: Deps, id: string): Promise<void> {
  if ((await getDataset(deps.pool, id))?.hasRecords) {
    // An index in an older format is rebuilt now, not by the API on start while it is measured.
    if ((await liveIndexFormat(deps.es, recordsAlias(deps.indexPrefix, id))) !== RECORDS_FORMAT) await reindexAlone(deps, id);
    return;
  }
  const file = join(ROOT, 'fixtures', 'descriptors', `${id}.json`);
  await publishDataset(deps, parseDescriptor(JSON.parse(readFileSync(file, 'utf8')), file), { baseDir: join(ROOT, 'fixtures', 'descriptors') });
}

export const ensureSource = (deps: Deps): Promise<void> => ensureFixture(deps, SOURCE);

const freePort = (): Promise<number> => new Promise((resolve) => {
  const s = createServer().listen(0, '127.0.0.1', () => { const { port } = s.address() as { port: number }; s.close(() => resolve(port)); });
});

export interface Api {
  get(path: string): Promise<void>;
  stop(): void;
  /** The API's process id (to read its memory) and its port. */
  pid: number;
  port: number;
}

/** The API in its own process, as it runs in production, so that the load generator does not share its event loop. */
export const startApi = (env: NodeJS.ProcessEnv): Promise<Api> => startServer([join(__dirname, '..', 'src', 'cli', 'main.js'), 'serve'], {
  // A bench measures the API, not its quotas: the anonymous ones (20 a second by default) are raised unless the caller sets them.
  QUOTA_ANONYMOUS_PER_SECOND: '1000000', QUOTA_ANONYMOUS_PER_DAY: '1000000000', ...env,
}, '/api/health');

/**
 * A Node server (`args`: its script and arguments) in its own process with the API's V8 flags, on
 * a free port, once `healthPath` answers 200: its `get` reads a whole answer over a keep-alive
 * connection and rejects anything but a 200.
 */
export async function startServer(args: readonly string[], env: NodeJS.ProcessEnv, healthPath: string): Promise<Api> {
  const port = await freePort();
  const child = spawn(process.execPath, [...serveNodeFlags(process.env), ...args], {
    env: { ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' }, stdio: ['ignore', 'ignore', 'inherit'],
  });
  // Keep-alive connections, as the Elasticsearch client keeps its own.
  const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  // A call that reused a keep-alive connection the server closed as it was sent (idle past the
  // server's keep-alive timeout while the other side or another phase ran) is made again once, on
  // a new connection, as browsers and Node's documentation do.
  const fetchOk = (path: string, again = true): Promise<void> => new Promise((resolve, reject) => {
    const req = get(`http://127.0.0.1:${port}${path}`, { agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`${res.statusCode} ${Buffer.concat(chunks).toString()}`))));
    });
    req.on('error', (err: NodeJS.ErrnoException) => (again && req.reusedSocket && err.code === 'ECONNRESET' ? fetchOk(path, false).then(resolve, reject) : reject(err)));
  });
  // Two minutes: a start after a catalog format change rebuilds the catalog index before listening.
  for (let i = 0; i < 600; i++) {
    if (await fetchOk(healthPath).then(() => true, () => false)) return { get: (path) => fetchOk(path), stop: () => { agent.destroy(); child.kill('SIGTERM'); }, pid: child.pid!, port };
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGKILL');
  throw new Error(`${args[0]} did not start`);
}

/**
 * The comparison table's columns. The CPU columns count the whole machine's CPU per call
 * (Elasticsearch, the API, the bench: bench/cpuMeter.ts), and the API's share of ours; their
 * ratio, direct over ours, is the throughput ratio the cores allow once both sides saturate them.
 */
export const HEADER = 'dataset\trequest\tmode\tours p50 ms\tdirect p50 ms\tp50 ratio\tp50 overhead ms\tours p95 ms\tdirect p95 ms\tours req/s\tdirect req/s\tours CPU ms/call\tof which API\tdirect CPU ms/call\tCPU ratio\tthroughput ratio';

/** One line of the comparison table (HEADER), printed on stderr as it comes. */
export function tableLine(label: string, mode: string, o: Stats, d: Stats): string {
  const cpu = o.cpu && d.cpu ? [cpuTotal(o.cpu).toFixed(2), o.cpu.api.toFixed(2), cpuTotal(d.cpu).toFixed(2), (cpuTotal(d.cpu) / cpuTotal(o.cpu)).toFixed(2)] : ['-', '-', '-', '-'];
  const line = [label, mode, o.p50.toFixed(2), d.p50.toFixed(2), (o.p50 / d.p50).toFixed(2), (o.p50 - d.p50).toFixed(2),
    o.p95.toFixed(2), d.p95.toFixed(2), o.perSecond.toFixed(0), d.perSecond.toFixed(0), ...cpu, (o.perSecond / d.perSecond).toFixed(2)].join('\t');
  console.error(line);
  return line;
}

/** Turns Elasticsearch's request cache of `index` on or off, emptied either way. */
export const requestCache = (deps: Deps, index: string, on: boolean): Promise<unknown> =>
  deps.es.indices.putSettings({ index, settings: { 'index.requests.cache.enable': on } }).then(() => deps.es.indices.clearCache({ index, request: true }));

/** Whether the benches measure without Elasticsearch's request cache (BENCH_REQUEST_CACHE=off). */
export const REQUEST_CACHE_OFF = process.env.BENCH_REQUEST_CACHE === 'off';

/** Runs `measured` on `dataset`, with its index's request cache off meanwhile when REQUEST_CACHE_OFF. */
export async function asConfigured<T>(deps: Deps, dataset: string, measured: () => Promise<T>): Promise<T> {
  if (!REQUEST_CACHE_OFF) return measured();
  const index = recordsAlias(deps.indexPrefix, dataset);
  await requestCache(deps, index, false);
  try {
    return await measured();
  } finally {
    await requestCache(deps, index, true);
  }
}

/**
 * How many segments each dataset's index has before the bench measures it. Elasticsearch
 * searches a shard's segments in slices on several threads, and a published version is merged
 * into one segment a little after it is published (src/execute/compactIndex.ts): on 2026-12-07
 * the match-all page of the 1,000,000-record copy had a p50 of 19.4 ms minutes after the copy
 * was built and 39.1 ms once it was merged, so a table means little without this line.
 */
async function segmentsLine(deps: Deps, datasets: readonly string[]): Promise<string> {
  const counts = await Promise.all(datasets.map(async (dataset) => {
    const rows = await deps.es.cat.segments({ index: recordsAlias(deps.indexPrefix, dataset), format: 'json', h: 'shard,segment' });
    return `${dataset} ${rows.length}`;
  }));
  return `index segments before measuring: ${counts.join(', ')}`;
}

/**
 * Opens the bench stores, starts the API, makes sure the source and its synthetic copy exist,
 * runs `body` over both datasets (with a meter of the machine's CPU; `asConfigured`: without
 * Elasticsearch's request cache when BENCH_REQUEST_CACHE=off) and prints the table under `header`; then `more`'s table, if any.
 */
export async function runBench(body: (deps: Deps, api: Api, dataset: string, meter: CpuMeter) => Promise<string[]>, more?: (deps: Deps, api: Api) => Promise<string[]>, header = HEADER): Promise<void> {
  const env = { ...process.env, ES_INDEX_PREFIX: process.env.ES_INDEX_PREFIX || 'bench-' };
  const deps = await openDeps(loadConfig(env));
  const api = await startApi(env);
  const lines = REQUEST_CACHE_OFF ? ['Elasticsearch request cache off (BENCH_REQUEST_CACHE=off)', header] : [header];
  try {
    await ensureSource(deps);
    const synthetic = await ensureSyntheticDataset(deps, SOURCE, Number(process.env.BENCH_RECORDS ?? 1_000_000));
    lines.unshift(await segmentsLine(deps, [SOURCE, synthetic]));
    for (const dataset of [SOURCE, synthetic]) lines.push(...await asConfigured(deps, dataset, async () => body(deps, api, dataset, await cpuMeter(deps.es, api.pid))));
    if (more) lines.push('', ...await more(deps, api));
  } finally {
    api.stop();
    await deps.close();
  }
  console.log(lines.join('\n'));
}

/** A whole answer of the API, read as fast as the socket gives it: the bytes counted, the body dropped; anything but a complete 200 rejects. */
export function download(api: Pick<Api, 'port'>, path: string): Promise<{ bytes: number }> {
  return new Promise((resolve, reject) => {
    get({ host: '127.0.0.1', port: api.port, path }, (res) => {
      let bytes = 0;
      res.on('data', (c: Buffer) => { bytes += c.length; });
      res.on('end', () => (res.statusCode === 200 && res.complete ? resolve({ bytes }) : reject(new Error(`${path}: ${res.statusCode}`))));
      res.on('error', reject);
    }).on('error', reject);
  });
}

/** Resets a process's peak RSS (Linux: /proc/<pid>/clear_refs), so that VmHWM covers what runs next. */
export function resetPeak(pid: number): void {
  try { writeFileSync(`/proc/${pid}/clear_refs`, '5'); } catch { /* not Linux: VmHWM is then the peak since start */ }
}

/** A process's RSS in MB now (undefined where /proc cannot tell). */
export function rssMb(pid: number): number | undefined {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : undefined;
  } catch { return undefined; }
}

/** A process's peak RSS in MB since its last resetPeak (undefined where /proc cannot tell). */
export function peakRssMb(pid: number): number | undefined {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : undefined;
  } catch { return undefined; }
}
