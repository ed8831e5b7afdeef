/**
 * bench/pages: large pages (issue "holds under load"). Four clients ask at once, again and again,
 * for `rows=10000` of communes-france (35,357 polygons): a records page in JSON, the same in
 * GeoJSON, a geopreview, and a geocluster with one cluster per commune. Meanwhile small requests run on other connections. Prints:
 *   - one large page through our API next to the same page read straight from Elasticsearch
 *     (one `size: 10000` search, its body parsed, as a hand-written layer would), and the ratio;
 *     the same for a page of 10,000 OGC API features;
 *   - the small requests' p50 and p99 alone, then while the large pages run (goal: p99 < 200 ms);
 *   - the API's peak RSS while the large pages run (goal: < 400 MB).
 *   npm run bench:pages        (PAGES_ROUNDS=3 large pages per client)
 */
import { Agent, get } from 'node:http';
import { loadConfig } from '../src/config/config';
import { openDeps } from '../src/execute/openDeps';
import { recordsAlias } from '../src/schema/indexNames';
import { ensureFixture, SOURCE, startApi, type Api, peakRssMb, resetPeak } from './harness';

const DATASET = 'communes-france';
const ROUNDS = Number(process.env.PAGES_ROUNDS ?? 3);
const LARGE = [
  `/api/records/1.0/search?dataset=${DATASET}&rows=10000`,
  `/api/records/1.0/search?dataset=${DATASET}&rows=10000&format=geojson`,
  `/api/records/1.0/geopreview?dataset=${DATASET}&rows=10000`,
  `/api/records/1.0/geocluster?dataset=${DATASET}&clusterprecision=14&clusterdistance=0`,
];
/** The OGC API – Features page of as many records, timed beside them. */
const OGC_PAGE = `/ogc/collections/${DATASET}/items?limit=10000`;
const SMALL = [
  `/api/records/1.0/search?dataset=${SOURCE}&q=rue&rows=10&facet=type_tournage`,
  `/api/records/1.0/search?dataset=${DATASET}&rows=10&facet=region`,
  `/api/datasets/1.0/search?q=communes`,
];

const agent = new Agent({ keepAlive: true, maxSockets: 16 });
/** One request, read to its end; its status and bytes. */
function fetchPage(api: Api, path: string): Promise<{ status: number; bytes: number }> {
  return new Promise((resolve, reject) => {
    get({ host: '127.0.0.1', port: api.port, path, agent }, (res) => {
      let bytes = 0;
      res.on('data', (c: Buffer) => { bytes += c.length; });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes }));
      res.on('error', reject);
    }).on('error', reject);
  });
}

const pct = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];

/** Small requests on `connections` connections until `stop()` says so; their latencies, and the failures. */
async function smallLoad(api: Api, connections: number, until: () => boolean): Promise<{ latencies: number[]; failures: number }> {
  const latencies: number[] = [];
  let failures = 0;
  let turn = 0;
  await Promise.all(Array.from({ length: connections }, async () => {
    while (!until()) {
      const t = performance.now();
      const r = await fetchPage(api, SMALL[turn++ % SMALL.length]);
      latencies.push(performance.now() - t);
      if (r.status !== 200) failures++;
    }
  }));
  return { latencies: latencies.sort((a, b) => a - b), failures };
}

async function main(): Promise<void> {
  // Quotas are not what is measured here.
  const env = { ...process.env, ES_INDEX_PREFIX: process.env.ES_INDEX_PREFIX || 'bench-', QUOTA_ANONYMOUS_PER_SECOND: '1000000', QUOTA_ANONYMOUS_PER_DAY: '1000000000' };
  const deps = await openDeps(loadConfig(env));
  await ensureFixture(deps, DATASET);
  await ensureFixture(deps, SOURCE);
  const api = await startApi(env);
  // The same server reading every page whole, for comparison.
  const whole = await startApi({ ...env, PAGE_PIECE_ROWS: '10000', PAGE_MAX_BYTES: String(2 ** 40) });
  try {
    for (const path of [...LARGE, OGC_PAGE, ...SMALL]) {
      const r = await fetchPage(api, path);
      if (r.status !== 200) throw new Error(`${path}: ${r.status}`);
    }
    // One large page, ours then straight from Elasticsearch.
    const index = recordsAlias(deps.indexPrefix, DATASET);
    const oursTimes: number[] = [];
    const wholeTimes: number[] = [];
    const rawTimes: number[] = [];
    const ogcTimes: number[] = [];
    let oursBytes = 0, rawBytes = 0;
    for (let i = 0; i < ROUNDS; i++) {
      let t = performance.now();
      oursBytes = (await fetchPage(api, LARGE[0])).bytes;
      oursTimes.push(performance.now() - t);
      t = performance.now();
      await fetchPage(whole, LARGE[0]);
      wholeTimes.push(performance.now() - t);
      t = performance.now();
      await fetchPage(api, OGC_PAGE);
      ogcTimes.push(performance.now() - t);
      t = performance.now();
      const stream = await deps.es.search({ index, size: 10_000, track_total_hits: true }, { asStream: true }) as unknown as AsyncIterable<Buffer>;
      const chunks: Buffer[] = [];
      for await (const c of stream) chunks.push(c);
      const text = Buffer.concat(chunks);
      rawBytes = text.length;
      JSON.parse(text.toString('utf8'));
      rawTimes.push(performance.now() - t);
    }
    const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    console.log('one rows=10000 page of communes-france (median of', ROUNDS, 'runs)');
    console.log('ours ms\tours, read whole, ms\tours MB\tElasticsearch ms\tElasticsearch MB\tratio (Elasticsearch time / ours)');
    console.log([median(oursTimes).toFixed(0), median(wholeTimes).toFixed(0), (oursBytes / 1048576).toFixed(1), median(rawTimes).toFixed(0), (rawBytes / 1048576).toFixed(1), (median(rawTimes) / median(oursTimes)).toFixed(2)].join('\t'));
    console.log('OGC items, limit=10000: ours ms\tElasticsearch ms\tratio (Elasticsearch time / ours)');
    console.log([median(ogcTimes).toFixed(0), median(rawTimes).toFixed(0), (median(rawTimes) / median(ogcTimes)).toFixed(2)].join('\t'));

    console.log('\nsmall requests (4 connections)\tcount\tfailures\tp50 ms\tp99 ms\tAPI peak RSS MB');
    for (const [label, server] of [['read and sent in pieces', api], ['read whole (as before)', whole]] as const) {
      let quiet = 0;
      const alone = await smallLoad(server, 4, () => quiet++ >= 400);
      console.log([`${label}: alone`, alone.latencies.length, alone.failures, pct(alone.latencies, 0.5).toFixed(1), pct(alone.latencies, 0.99).toFixed(1), '-'].join('\t'));
      resetPeak(server.pid);
      let done = false;
      const largeRuns = Promise.all(LARGE.map(async (path) => {
        for (let i = 0; i < ROUNDS; i++) {
          const r = await fetchPage(server, path);
          if (r.status !== 200) throw new Error(`${path}: ${r.status}`);
        }
      })).finally(() => { done = true; });
      const loaded = await smallLoad(server, 4, () => done);
      await largeRuns;
      console.log([`${label}: beside ${LARGE.length} clients × ${ROUNDS} large pages`, loaded.latencies.length, loaded.failures, pct(loaded.latencies, 0.5).toFixed(1), pct(loaded.latencies, 0.99).toFixed(1), (peakRssMb(server.pid) ?? NaN).toFixed(0)].join('\t'));
    }
    console.log('\ngoals: peak RSS < 400 MB, small requests\' p99 < 200 ms while the large pages run');
  } finally {
    api.stop();
    whole.stop();
    agent.destroy();
    await deps.close();
  }
}

main().catch((err: unknown) => { console.error(err); process.exit(1); });
