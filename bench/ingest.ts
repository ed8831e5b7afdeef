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
 * comparable with earlier runs; the goal's ratio is the last column.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Client } from '@elastic/elasticsearch';
import { parseDescriptor } from '../src/catalog/parseDescriptor';
import { loadConfig } from '../src/config/config';
import { getDataset } from '../src/execute/datasetStore';
import type { Deps } from '../src/execute/deps';
import { indexLayoutFor } from '../src/execute/indexLayoutFor';
import { openDeps } from '../src/execute/openDeps';
import { streamRecords } from '../src/execute/recordStore';
import { createLoadingIndex } from '../src/execute/versionedIndex';
import { withLayout } from '../src/index/indexLayout';
import { recordDocument, RecordDocument } from '../src/index/recordDocument';
import { writtenTexts } from '../src/usecases/writtenTexts';
import { recordMapping } from '../src/index/recordMapping';
import type { Descriptor } from '../src/model/descriptor';
import { BULKS_IN_FLIGHT, MAX_BATCH_BYTES, MAX_BATCH_RECORDS } from '../src/usecases/loadingVersion';
import { publishDataset } from '../src/usecases/publishDataset';

const DATASETS = (process.env.BENCH_DATASETS ?? 'lieux-de-tournage-a-paris,communes-france').split(',');
const ROOT = join(__dirname, '..', '..');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

const seconds = (t0: bigint): number => Number(process.hrtime.bigint() - t0) / 1e9;
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

interface OursTiming { total: number; write: number; finish: number; catalog: number; rows: number }

/** One publish, with the time to its commit (records written and loaded alongside), to the swap, and to the catalog update. */
async function publishOnce(deps: Deps, descriptor: Descriptor): Promise<OursTiming> {
  const marks: Record<string, number> = {};
  const t0 = process.hrtime.bigint();
  const report = await publishDataset(deps, descriptor, {
    baseDir: join(ROOT, 'fixtures', 'descriptors'),
    onPhase: (phase) => { marks[phase] = seconds(t0); },
  });
  const total = seconds(t0);
  return { total, write: marks.indexing, finish: marks.cataloguing - marks.indexing, catalog: total - marks.cataloguing, rows: report.published };
}

/** The bulk requests the publish sends, by the same rule. */
function chunks(docs: RecordDocument[]): RecordDocument[][] {
  const out: RecordDocument[][] = [];
  let chunk: RecordDocument[] = [];
  let bytes = 0;
  for (const d of docs) {
    chunk.push(d);
    bytes += JSON.stringify(d.fields).length * 2 + (d.written_record?.length ?? 0) + (d.written_csv?.length ?? 0);
    if (bytes >= MAX_BATCH_BYTES || chunk.length >= MAX_BATCH_RECORDS) { out.push(chunk); chunk = []; bytes = 0; }
  }
  if (chunk.length > 0) out.push(chunk);
  return out;
}

/** Raw bulk of `docs` into a fresh index: `inFlightMax` requests in flight while the client serialises the next. */
async function directOnce(es: Client, index: string, body: { settings: object; mappings: object }, docs: RecordDocument[], inFlightMax: number): Promise<number> {
  await es.indices.delete({ index, ignore_unavailable: true });
  // Merges held back while it loads, as for ours.
  await createLoadingIndex(es, index, body, true);
  const t0 = process.hrtime.bigint();
  const inFlight: Promise<{ errors: boolean }>[] = [];
  const settleOldest = async (): Promise<void> => { if ((await inFlight.shift()!).errors) throw new Error('direct bulk refused documents'); };
  for (const chunk of chunks(docs)) {
    const operations = chunk.flatMap((d) => [{ index: { _index: index, _id: d.recordid } }, d]);
    while (inFlight.length >= inFlightMax) await settleOldest();
    inFlight.push(es.bulk({ operations, refresh: false }, { requestTimeout: 120000 }));
  }
  while (inFlight.length > 0) await settleOldest();
  await es.indices.refresh({ index });
  const time = seconds(t0);
  await es.indices.delete({ index });
  return time;
}

async function main(): Promise<void> {
  const config = loadConfig({ ...process.env, ES_INDEX_PREFIX: process.env.ES_INDEX_PREFIX || 'bench-' });
  const deps = await openDeps(config);
  console.log(`medians of ${ROUNDS} interleaved rounds; ours = write+load until commit, finish (refresh, swap), catalog`);
  console.log(`dataset\trows\tours write s\tours finish s\tours catalog s\tours total s\tdirect, 1 in flight s\tratio to it\tdirect s\tours rows/s\tdirect rows/s\tratio direct (${BULKS_IN_FLIGHT} in flight)/ours time (goal ≥ 0.8)`);
  try {
    for (const id of DATASETS) {
      const file = join(ROOT, 'fixtures', 'descriptors', `${id}.json`);
      const descriptor = parseDescriptor(JSON.parse(readFileSync(file, 'utf8')), file);
      await publishOnce(deps, descriptor); // warm-up, and the records the direct side indexes
      const dataset = (await getDataset(deps.pool, id))!;
      const docs: RecordDocument[] = [];
      const written = writtenTexts(dataset.fields);
      for await (const page of streamRecords(deps.pool, id)) {
        for (const r of page) docs.push(recordDocument(id, dataset.fields, r, written(r)));
      }
      const body = withLayout(recordMapping(dataset.fields), await indexLayoutFor(deps, docs.length));
      const index = `${config.indexPrefix}direct-${id}`;
      const ours: OursTiming[] = [];
      const direct: number[] = [];
      const directOne: number[] = [];
      const directBoth = async (): Promise<void> => {
        direct.push(await directOnce(deps.es, index, body, docs, BULKS_IN_FLIGHT));
        directOne.push(await directOnce(deps.es, index, body, docs, 1));
      };
      for (let round = 0; round < ROUNDS; round++) {
        if (round % 2 === 1) await directBoth();
        ours.push(await publishOnce(deps, descriptor));
        if (round % 2 === 0) await directBoth();
      }
      const t = median(ours.map((o) => o.total));
      const d = median(direct);
      const d1 = median(directOne);
      const n = ours[0].rows;
      console.log([id, n, median(ours.map((o) => o.write)).toFixed(2), median(ours.map((o) => o.finish)).toFixed(2), median(ours.map((o) => o.catalog)).toFixed(2),
        t.toFixed(2), d1.toFixed(2), (d1 / t).toFixed(2), d.toFixed(2), (n / t).toFixed(0), (n / d).toFixed(0), (d / t).toFixed(2)].join('\t'));
    }
  } finally {
    await deps.close();
  }
}

main().catch((err: unknown) => { console.error(err); process.exitCode = 1; });
