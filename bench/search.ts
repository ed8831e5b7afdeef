/**
 * bench/search: six representative records searches (q, three facets of which one disjunctive,
 * geofilters, rows=10 and rows=100) on lieux-de-tournage-a-paris and on its 1,000,000-record
 * synthetic copy (bench/syntheticDataset.ts), each through our HTTP endpoint and as the same
 * compiled Elasticsearch request sent directly with the client, sequentially and with 32
 * concurrent connections. Prints p50, p95 and throughput for both, and the ratios.
 *   npm run bench:search            (BENCH_RECORDS=200000 for a smaller synthetic dataset)
 */
import { spawn } from 'node:child_process';
import { Agent, get } from 'node:http';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { parseDescriptor } from '../src/catalog/parseDescriptor';
import { compileSearch } from '../src/compile/compileSearch';
import { loadConfig } from '../src/config/config';
import { getDataset } from '../src/execute/datasetStore';
import type { Deps } from '../src/execute/deps';
import { openDeps } from '../src/execute/openDeps';
import { publishDataset } from '../src/execute/publishDataset';
import { resolveDataset } from '../src/execute/resolveDataset';
import { ParamReader } from '../src/params/paramReader';
import { readQueryString } from '../src/params/rawParams';
import { recordsSearchParams } from '../src/params/recordsSearchParams';
import { planRecordsSearch } from '../src/plan/planRecordsSearch';
import { ensureSyntheticDataset } from './syntheticDataset';

const ROOT = join(__dirname, '..', '..');
const SOURCE = 'lieux-de-tournage-a-paris';
const SEQUENTIAL = 200, CONCURRENT_TOTAL = 1000, CONNECTIONS = 32, WARMUP = 20;

const REQUESTS: Array<[string, Record<string, string>]> = [
  ['q + 3 facets (1 disjunctive) + distance, rows=10', { q: 'rue', facet: 'type_tournage,annee_tournage,ardt_lieu', 'refine.type_tournage': 'Série TV', 'disjunctive.type_tournage': 'true', 'geofilter.distance': '48.8566,2.3522,3000', rows: '10' }],
  ['same, rows=100', { q: 'rue', facet: 'type_tournage,annee_tournage,ardt_lieu', 'refine.type_tournage': 'Série TV', 'disjunctive.type_tournage': 'true', 'geofilter.distance': '48.8566,2.3522,3000', rows: '100' }],
  ['date hierarchy refined to a year + 2 facets, rows=10', { facet: 'date_debut,type_tournage,ardt_lieu', 'refine.date_debut': '2019', rows: '10' }],
  ['field query + sort + polygon, rows=10', { q: 'annee_tournage>=2019 AND adresse_lieu:rue', sort: '-date_debut', 'geofilter.polygon': '(48.88,2.30),(48.88,2.40),(48.84,2.40),(48.84,2.30)', rows: '10' }],
  ['phrase + exclude + bbox + 3 facets, rows=100', { q: '"rue de"', 'exclude.type_tournage': 'Long métrage', 'geofilter.bbox': '48.83,2.28,48.89,2.41', facet: 'type_tournage,annee_tournage,nom_realisateur', rows: '100' }],
  ['match all, 3 facets, rows=10', { facet: 'type_tournage,annee_tournage,ardt_lieu', rows: '10' }],
];

interface Stats { p50: number; p95: number; perSecond: number }

function stats(latencies: number[], seconds: number): Stats {
  const s = [...latencies].sort((a, b) => a - b);
  return { p50: s[Math.floor(s.length * 0.5)], p95: s[Math.floor(s.length * 0.95)], perSecond: latencies.length / seconds };
}

async function measure(run: () => Promise<void>, total: number, connections: number): Promise<Stats> {
  for (let i = 0; i < WARMUP; i++) await run();
  const latencies: number[] = [];
  let next = 0;
  const t0 = performance.now();
  await Promise.all(Array.from({ length: connections }, async () => {
    while (next++ < total) {
      const t = performance.now();
      await run();
      latencies.push(performance.now() - t);
    }
  }));
  return stats(latencies, (performance.now() - t0) / 1000);
}

async function ensureSource(deps: Deps): Promise<void> {
  if ((await getDataset(deps.pool, SOURCE))?.hasRecords) return;
  const file = join(ROOT, 'fixtures', 'descriptors', `${SOURCE}.json`);
  await publishDataset(deps, parseDescriptor(JSON.parse(await import('node:fs').then((fs) => fs.readFileSync(file, 'utf8'))), file), { baseDir: join(ROOT, 'fixtures', 'descriptors') });
}

const freePort = (): Promise<number> => new Promise((resolve) => {
  const s = createServer().listen(0, '127.0.0.1', () => { const { port } = s.address() as { port: number }; s.close(() => resolve(port)); });
});

/** The API in its own process, as it runs in production, so that the load generator does not share its event loop. */
async function startApi(env: NodeJS.ProcessEnv): Promise<{ port: number; stop(): void }> {
  const port = await freePort();
  const child = spawn(process.execPath, [join(__dirname, '..', 'src', 'cli', 'main.js'), 'serve'], {
    env: { ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' }, stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let i = 0; i < 100; i++) {
    if ((await fetch(`http://127.0.0.1:${port}/api/health`).catch(() => undefined))?.ok) return { port, stop: () => child.kill('SIGTERM') };
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGKILL');
  throw new Error('the API did not start');
}

async function main(): Promise<void> {
  const env = { ...process.env, ES_INDEX_PREFIX: process.env.ES_INDEX_PREFIX || 'bench-' };
  const config = loadConfig(env);
  const deps = await openDeps(config);
  const api = await startApi(env);
  const port = api.port;
  // Keep-alive connections, as the Elasticsearch client keeps its own.
  const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  const lines = ['dataset\trequest\tmode\tours p50 ms\tdirect p50 ms\tp50 ratio\tp50 overhead ms\tours p95 ms\tdirect p95 ms\tours req/s\tdirect req/s\tthroughput ratio'];
  try {
    await ensureSource(deps);
    const synthetic = await ensureSyntheticDataset(deps, SOURCE, Number(process.env.BENCH_RECORDS ?? 1_000_000));
    for (const dataset of [SOURCE, synthetic]) {
      for (const [name, params] of REQUESTS) {
        const qs = new URLSearchParams({ dataset, ...params }).toString();
        const request = recordsSearchParams(new ParamReader(readQueryString(qs)));
        const body = compileSearch(planRecordsSearch(request, await resolveDataset(deps, 'default', request.dataset), Date.now()));
        const url = `http://127.0.0.1:${port}/api/records/1.0/search?${qs}`;
        const ours = (): Promise<void> => new Promise((resolve, reject) => {
          get(url, { agent }, (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`${res.statusCode} ${Buffer.concat(chunks).toString()}`))));
          }).on('error', reject);
        });
        const direct = async (): Promise<void> => { await deps.es.search(body); };
        for (const [mode, total, connections] of [['sequential', SEQUENTIAL, 1], [`${CONNECTIONS} connections`, CONCURRENT_TOTAL, CONNECTIONS]] as const) {
          const o = await measure(ours, total, connections);
          const d = await measure(direct, total, connections);
          lines.push([dataset, name, mode, o.p50.toFixed(2), d.p50.toFixed(2), (o.p50 / d.p50).toFixed(2), (o.p50 - d.p50).toFixed(2),
            o.p95.toFixed(2), d.p95.toFixed(2), o.perSecond.toFixed(0), d.perSecond.toFixed(0), (o.perSecond / d.perSecond).toFixed(2)].join('\t'));
          console.error(lines[lines.length - 1]);
        }
      }
    }
  } finally {
    agent.destroy();
    api.stop();
    await deps.close();
  }
  console.log(lines.join('\n'));
}

main().catch((err: unknown) => { console.error(err); process.exitCode = 1; });
