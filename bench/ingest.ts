/**
 * bench/ingest: publish rate through portal-search (file → PostgreSQL and Elasticsearch) next to
 * bulk-indexing the very same documents straight into Elasticsearch with the client, in one run.
 *   npm run bench:ingest   (BENCH_ROUNDS=3, BENCH_DATASETS=lieux-de-tournage-a-paris,communes-france by default)
 *
 * The direct side is given what the publish gives Elasticsearch, and nothing more: the same
 * documents (built from the published records), the same mapping and layout, bulk requests of the
 * same size (MAX_BATCH_RECORDS / MAX_BATCH_BYTES, BULKS_IN_FLIGHT in flight while the next is
 * prepared; the publish also sends a smaller batch whenever a request slot is free, at its start
 * above all, which the direct side, with every document ready, has no reason to do), refresh off while loading and
 * one refresh at the end. Rounds alternate which side goes first; the figures are medians. The
 * ratio is direct time / our time (our rate as a share of raw bulk). The direct side also runs
 * with one request in flight, the publish's rule before 2026-12-04, so that figures stay
 * comparable with earlier runs; the goal's ratio is the last column. The direct side runs in a
 * worker thread (bench/ingestDirect.ts), so that its documents, all held in memory, are not in the
 * heap that the publish's garbage collection goes through. Beside the times, the CPU
 * each side cost Elasticsearch, this process (the publish runs in it; the direct side's client
 * too) and PostgreSQL: on two cores shared by all three, the sum is what bounds the time.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDescriptor } from '../src/catalog/parseDescriptor';
import { loadConfig } from '../src/config/config';
import type { Deps } from '../src/execute/deps';
import { openDeps } from '../src/execute/openDeps';
import type { Descriptor } from '../src/model/descriptor';
import { BULKS_IN_FLIGHT } from '../src/usecases/loadingVersion';
import { publishDataset } from '../src/usecases/publishDataset';
import { publishCpuBetween, publishCpuMeter, type PublishCpuReading, type PublishCpuTimes } from './cpuMeter';
import { DirectSide } from './ingestDirect';

const DATASETS = (process.env.BENCH_DATASETS ?? 'lieux-de-tournage-a-paris,communes-france').split(',');
const ROOT = join(__dirname, '..', '..');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

const seconds = (t0: bigint): number => Number(process.hrtime.bigint() - t0) / 1e9;
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

interface OursTiming { total: number; write: number; finish: number; catalog: number; rows: number; cpu?: PublishCpuTimes }

/** One publish, with the time to its commit (records written and loaded alongside), to the swap, and to the catalog update. */
async function publishOnce(deps: Deps, descriptor: Descriptor, meter: PublishCpuReading): Promise<OursTiming> {
  const marks: Record<string, number> = {};
  const cpu0 = await meter();
  const t0 = process.hrtime.bigint();
  const report = await publishDataset(deps, descriptor, {
    baseDir: join(ROOT, 'fixtures', 'descriptors'),
    onPhase: (phase) => { marks[phase] = seconds(t0); },
  });
  const total = seconds(t0);
  const cpu = publishCpuBetween(cpu0, await meter());
  return { total, write: marks.indexing, finish: marks.cataloguing - marks.indexing, catalog: total - marks.cataloguing, rows: report.published, cpu };
}

/** Each process's median CPU seconds over the rounds, `-` where a reading failed. */
function cpuMedians(cpu: Array<PublishCpuTimes | undefined>): string {
  if (cpu.some((c) => c === undefined)) return '-';
  const times = cpu as PublishCpuTimes[];
  return (['search', 'node', 'postgres'] as const).map((k) => (median(times.map((c) => c[k])) / 1000).toFixed(2)).join(' / ');
}

async function main(): Promise<void> {
  const config = loadConfig({ ...process.env, ES_INDEX_PREFIX: process.env.ES_INDEX_PREFIX || 'bench-' });
  const deps = await openDeps(config);
  const meter = await publishCpuMeter(deps.es);
  // Where autovacuum is off (this machine's PostgreSQL), the dead rows of earlier runs' publishes
  // would weigh on ours: up to a million of them, 1 GB of table, seen on 2026-12-06.
  await deps.pool.query('VACUUM records');
  console.log(`medians of ${ROUNDS} interleaved rounds; ours = write+load until commit, finish (refresh, swap), catalog; `
    + `CPU s of Elasticsearch / this process / PostgreSQL over each side's timed work (direct, ${BULKS_IN_FLIGHT} in flight: no PostgreSQL)`);
  console.log(`dataset\trows\tours write s\tours finish s\tours catalog s\tours total s\tdirect, 1 in flight s\tratio to it\tdirect s\tours rows/s\tdirect rows/s\tours CPU s ES / Node / PG\tdirect CPU s ES / Node / PG\tratio direct (${BULKS_IN_FLIGHT} in flight)/ours time (goal ≥ 0.8)`);
  try {
    for (const id of DATASETS) {
      const file = join(ROOT, 'fixtures', 'descriptors', `${id}.json`);
      const descriptor = parseDescriptor(JSON.parse(readFileSync(file, 'utf8')), file);
      await publishOnce(deps, descriptor, meter); // warm-up, and the records the direct side indexes
      const directSide = await DirectSide.start(id);
      const ours: OursTiming[] = [];
      const direct: Array<{ time: number; cpu?: PublishCpuTimes }> = [];
      const directOne: number[] = [];
      const directBoth = async (): Promise<void> => {
        direct.push(await directSide.run(BULKS_IN_FLIGHT));
        directOne.push((await directSide.run(1)).time);
      };
      try {
        for (let round = 0; round < ROUNDS; round++) {
          if (round % 2 === 1) await directBoth();
          ours.push(await publishOnce(deps, descriptor, meter));
          if (round % 2 === 0) await directBoth();
        }
      } finally {
        await directSide.stop();
      }
      const t = median(ours.map((o) => o.total));
      const d = median(direct.map((x) => x.time));
      const d1 = median(directOne);
      const n = ours[0].rows;
      console.log([id, n, median(ours.map((o) => o.write)).toFixed(2), median(ours.map((o) => o.finish)).toFixed(2), median(ours.map((o) => o.catalog)).toFixed(2),
        t.toFixed(2), d1.toFixed(2), (d1 / t).toFixed(2), d.toFixed(2), (n / t).toFixed(0), (n / d).toFixed(0),
        cpuMedians(ours.map((o) => o.cpu)), cpuMedians(direct.map((x) => x.cpu)), (d / t).toFixed(2)].join('\t'));
    }
  } finally {
    await deps.close();
  }
}

main().catch((err: unknown) => { console.error(err); process.exitCode = 1; });
