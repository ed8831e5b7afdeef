/**
 * bench/export: full downloads (`/api/records/1.0/download`) of lieux-de-tournage-a-paris (14,760
 * rows), communes-france (35,357 polygons) and the 1,000,000-record synthetic copy of
 * lieux-de-tournage (bench/syntheticDataset.ts), in csv, json and geojson. Each download runs
 * through our HTTP endpoint (the API in its own process) next to a raw single-stream scan of the
 * same index in the same run: one point-in-time, `search_after` pages of the same size, sorted by
 * `_shard_doc`, every `_source` parsed by the client, as a client of Elasticsearch would read it.
 * Prints rows/s and MB/s of both, the ratio (ours / raw, rows/s) and the API's peak RSS during
 * the download (VmHWM, reset before each one).
 *   npm run bench:export       (BENCH_RECORDS=200000 for a smaller synthetic dataset,
 *                               BENCH_EXPORT_REPEAT=3 runs per pair, the median kept)
 */
import type { SearchResponse } from '@elastic/elasticsearch/lib/api/types';
import { loadConfig } from '../src/config/config';
import type { Deps } from '../src/execute/deps';
import { openDeps } from '../src/execute/openDeps';
import { recordsAlias } from '../src/schema/indexNames';
import { Api, download, ensureFixture, SOURCE, startApi, peakRssMb, resetPeak } from './harness';
import { ensureSyntheticDataset } from './syntheticDataset';

/** The API's export page size (src/http/app.ts), used by the raw scan too. */
const PAGE_SIZE = 1000;
const FORMATS = ['csv', 'json', 'geojson'];
const REPEAT = Number(process.env.BENCH_EXPORT_REPEAT ?? 3);

interface Run { seconds: number; bytes: number; rows: number; peakRssMb?: number }

async function ours(api: Api, dataset: string, format: string, rows: number): Promise<Run> {
  resetPeak(api.pid);
  const t = performance.now();
  const { bytes } = await download(api, `/api/records/1.0/download?dataset=${encodeURIComponent(dataset)}&format=${format}`);
  return { seconds: (performance.now() - t) / 1000, bytes, rows, peakRssMb: peakRssMb(api.pid) };
}

/** What a client of Elasticsearch does to read a whole index: one PIT, `_shard_doc` order, `search_after`. */
async function raw(deps: Deps, index: string): Promise<Run> {
  const t = performance.now();
  const keepAlive = '1m';
  let pit = (await deps.es.openPointInTime({ index, keep_alive: keepAlive })).id;
  let rows = 0, bytes = 0;
  try {
    let after: unknown[] | undefined;
    for (;;) {
      // The body read as bytes (to count them) and parsed as the client would parse it.
      const stream = await deps.es.search({
        pit: { id: pit, keep_alive: keepAlive }, sort: [{ _shard_doc: 'asc' }], size: PAGE_SIZE, track_total_hits: false,
        ...(after ? { search_after: after as never } : {}),
      }, { asStream: true }) as unknown as AsyncIterable<Buffer>;
      const chunks: Buffer[] = [];
      for await (const c of stream) chunks.push(c);
      const text = Buffer.concat(chunks);
      bytes += text.length;
      const body = JSON.parse(text.toString('utf8')) as SearchResponse<Record<string, unknown>>;
      pit = body.pit_id ?? pit;
      const hits = body.hits.hits;
      for (const h of hits) if (h._source) rows++;
      if (hits.length < PAGE_SIZE) break;
      after = hits[hits.length - 1].sort;
    }
  } finally {
    await deps.es.closePointInTime({ id: pit }).catch(() => undefined);
  }
  return { seconds: (performance.now() - t) / 1000, bytes, rows };
}

const median = (runs: Run[]): Run => [...runs].sort((a, b) => a.seconds - b.seconds)[Math.floor(runs.length / 2)];
const perSecond = (r: Run): string => (r.rows / r.seconds).toFixed(0);
const mbPerSecond = (r: Run): string => (r.bytes / 1e6 / r.seconds).toFixed(1);

const HEADER = 'dataset\tformat\trows\tours s\tours rows/s\tours MB/s\traw s\traw rows/s\traw MB/s\tpeak RSS MB\tratio (rows/s)';

async function main(): Promise<void> {
  const env = { ...process.env, ES_INDEX_PREFIX: process.env.ES_INDEX_PREFIX || 'bench-' };
  const deps = await openDeps(loadConfig(env));
  const lines = [HEADER];
  try {
    await ensureFixture(deps, SOURCE);
    await ensureFixture(deps, 'communes-france');
    const synthetic = await ensureSyntheticDataset(deps, SOURCE, Number(process.env.BENCH_RECORDS ?? 1_000_000));
    const api = await startApi(env);
    try {
      for (const dataset of [SOURCE, 'communes-france', synthetic]) {
        const index = recordsAlias(deps.indexPrefix, dataset);
        const rows = (await deps.es.count({ index })).count;
        if (rows === 0) throw new Error(`${dataset}: no records in ${index}`);
        const repeat = rows > 100_000 ? 1 : REPEAT;
        // Both sides warmed once before they are timed. Without the raw scan's own warm-up, its
        // first format ran slower than the next ones for the same work (2026-12-06, lieux-de-tournage,
        // two runs: 0.30–0.33 s for csv, then 0.19–0.25 s), which favoured our csv and weighed on our
        // geojson.
        await ours(api, dataset, 'csv', rows);
        await raw(deps, index);
        for (const format of FORMATS) {
          const o: Run[] = [], r: Run[] = [];
          // Interleaved, so that both sides see the same machine.
          for (let i = 0; i < repeat; i++) { r.push(await raw(deps, index)); o.push(await ours(api, dataset, format, rows)); }
          const om = median(o), rm = median(r);
          if (rm.rows !== rows) throw new Error(`raw scan of ${dataset}: ${rm.rows} rows, ${rows} expected`);
          const peak = Math.max(...o.map((x) => x.peakRssMb ?? 0));
          lines.push([dataset, format, rows, om.seconds.toFixed(2), perSecond(om), mbPerSecond(om), rm.seconds.toFixed(2), perSecond(rm), mbPerSecond(rm),
            peak ? peak.toFixed(0) : '?', (om.seconds > 0 ? rm.seconds / om.seconds : 0).toFixed(2)].join('\t'));
          console.error(lines[lines.length - 1]);
        }
      }
    } finally {
      api.stop();
    }
  } finally {
    await deps.close();
  }
  console.log(lines.join('\n'));
}

main().catch((err: unknown) => { console.error(err); process.exitCode = 1; });
