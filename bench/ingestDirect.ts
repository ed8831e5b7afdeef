/**
 * The direct side of bench/ingest, in a worker thread: the documents a publish gave
 * Elasticsearch, built once from the published records and bulk-indexed straight with the client
 * into a fresh index, as often as the main thread asks. In a thread of its own, its documents (all of
 * them held, a few hundred MB for communes-france) are in its own heap: the publish's garbage
 * collection in the main thread does not go through them. Held in that thread, they cost a warm
 * communes-france publish about 1.2 s more of Node's CPU (three publishes each way, 2026-12-06).
 */
import { on } from 'node:events';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { Client } from '@elastic/elasticsearch';
import { loadConfig } from '../src/config/config';
import { getDataset } from '../src/execute/datasetStore';
import { indexLayoutFor } from '../src/execute/indexLayoutFor';
import { openDeps } from '../src/execute/openDeps';
import { streamRecords } from '../src/execute/recordStore';
import { createLoadingIndex } from '../src/execute/versionedIndex';
import { withLayout } from '../src/index/indexLayout';
import { recordDocument, RecordDocument } from '../src/index/recordDocument';
import { recordMapping } from '../src/index/recordMapping';
import { MAX_BATCH_BYTES, MAX_BATCH_RECORDS } from '../src/usecases/loadingVersion';
import { writtenTexts } from '../src/usecases/writtenTexts';
import { publishCpuBetween, publishCpuMeter, type PublishCpuReading, type PublishCpuTimes } from './cpuMeter';

/** One bulk load's time in seconds, and the CPU it cost each process. */
export interface DirectRun { time: number; cpu?: PublishCpuTimes }

type Reply = { ready: true } | { run: DirectRun } | { error: string };
type Ask = { inFlight: number } | { stop: true };

const seconds = (t0: bigint): number => Number(process.hrtime.bigint() - t0) / 1e9;

/** The worker, seen from the main thread: one load at a time. */
export class DirectSide {
  /** Settles once the worker has ended, whether told to stop or after an error. */
  private readonly exited: Promise<unknown>;

  private constructor(private readonly worker: Worker, private readonly replies: AsyncIterator<[Reply]>) {
    this.exited = new Promise((resolve) => worker.once('exit', resolve));
  }

  /** Starts the worker for the dataset `id` (published already), once its documents are built. */
  static async start(id: string): Promise<DirectSide> {
    const worker = new Worker(__filename, { workerData: { id } });
    // The worker's replies in order; an error it throws ends them by rejecting, its exit by ending.
    const side = new DirectSide(worker, on(worker, 'message', { close: ['exit'] }) as AsyncIterator<[Reply]>);
    await side.next();
    return side;
  }

  /** A bulk load with `inFlight` requests in flight. */
  async run(inFlight: number): Promise<DirectRun> {
    this.worker.postMessage({ inFlight } satisfies Ask);
    const reply = await this.next();
    if (!('run' in reply)) throw new Error('the direct side answered out of turn');
    return reply.run;
  }

  /** Tells the worker to stop, and waits until it has (at once if it has ended already). */
  async stop(): Promise<void> {
    this.worker.postMessage({ stop: true } satisfies Ask);
    await this.exited;
  }

  private async next(): Promise<Reply> {
    const { value, done } = await this.replies.next();
    if (done) throw new Error('the direct side stopped');
    const [reply] = value;
    if ('error' in reply) throw new Error(`direct side: ${reply.error}`);
    return reply;
  }
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
async function directOnce(es: Client, index: string, body: { settings: object; mappings: object }, docs: RecordDocument[], inFlightMax: number, meter: PublishCpuReading): Promise<DirectRun> {
  await es.indices.delete({ index, ignore_unavailable: true });
  // Merges held back while it loads, as for ours.
  await createLoadingIndex(es, index, body, true);
  const cpu0 = await meter();
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
  const cpu = publishCpuBetween(cpu0, await meter());
  await es.indices.delete({ index });
  return { time, cpu };
}

/** The worker thread: builds the documents, then loads them whenever asked, until told to stop. */
async function serve(id: string): Promise<void> {
  const config = loadConfig({ ...process.env, ES_INDEX_PREFIX: process.env.ES_INDEX_PREFIX || 'bench-' });
  const deps = await openDeps(config);
  const port = parentPort!;
  try {
    const meter = await publishCpuMeter(deps.es);
    const dataset = (await getDataset(deps.pool, id))!;
    const docs: RecordDocument[] = [];
    const written = writtenTexts(dataset.fields);
    for await (const page of streamRecords(deps.pool, id)) {
      for (const r of page) docs.push(recordDocument(id, dataset.fields, r, written(r)));
    }
    const body = withLayout(recordMapping(dataset.fields), await indexLayoutFor(deps, docs.length));
    const index = `${config.indexPrefix}direct-${id}`;
    port.postMessage({ ready: true } satisfies Reply);
    for await (const [ask] of asks()) {
      if ('stop' in ask) break;
      port.postMessage({ run: await directOnce(deps.es, index, body, docs, ask.inFlight, meter) } satisfies Reply);
    }
  } catch (err) {
    port.postMessage({ error: err instanceof Error ? err.stack ?? err.message : String(err) } satisfies Reply);
  } finally {
    await deps.close();
    port.close();
  }
}

/** The main thread's asks, one at a time. */
async function* asks(): AsyncGenerator<[Ask]> {
  for await (const args of on(parentPort!, 'message')) yield args as [Ask];
}

if (!isMainThread && (workerData as { id?: string } | null)?.id) void serve((workerData as { id: string }).id);
