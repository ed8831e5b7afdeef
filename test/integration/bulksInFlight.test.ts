import type { Client } from '@elastic/elasticsearch';
import type { Deps } from '../../src/execute/deps';
import { recordsAlias } from '../../src/schema/indexNames';
import { getDataset } from '../../src/execute/datasetStore';
import { streamRecords } from '../../src/execute/recordStore';
import type { StoredRecord } from '../../src/index/storedRecord';
import { BULKS_IN_FLIGHT, MAX_BATCH_BYTES, MAX_BATCH_RECORDS, openLoadingVersion } from '../../src/usecases/loadingVersion';
import { reindexDataset } from '../../src/usecases/reindexDataset';
import { ensureFixture } from '../support/ingestFixture';
import { rawCsvObjects } from '../support/rawFixtures';
import { openTestDeps } from '../support/testDeps';
import { bulkLines } from '../support/bulkLines';

const ID = 'lieux-de-tournage-a-paris';
const POLYGONS = 'communes-france';
let deps: Deps & { close(): Promise<void> };
beforeAll(async () => {
  deps = await openTestDeps();
  await ensureFixture(deps, ID);
  await ensureFixture(deps, POLYGONS);
}, 240000);
afterAll(() => deps.close());

describe('bulk requests of a loading index version', () => {
  test(`go ${BULKS_IN_FLIGHT} at a time, never more, and index every record`, async () => {
    const expected = rawCsvObjects('lieux-de-tournage-a-paris.csv').length;
    let sent = 0;
    let active = 0;
    let most = 0;
    let secondSent = (): void => undefined;
    const second = new Promise<void>((resolve) => { secondSent = resolve; });
    const es = Object.create(deps.es) as Client;
    es.bulk = (async (...args: Parameters<Client['bulk']>) => {
      const n = ++sent;
      active++;
      most = Math.max(most, active);
      if (n === 2) secondSent();
      try {
        // The first request is answered only once the second is sent: a loader that waited for
        // each answer before sending the next request would never finish (the test times out).
        if (n === 1) await second;
        return await deps.es.bulk(...args);
      } finally {
        active--;
      }
    }) as Client['bulk'];
    const report = await reindexDataset({ ...deps, es }, ID);
    const count = (await deps.es.count({ index: recordsAlias(deps.indexPrefix, ID) })).count;
    expect({ most, moreRequestsThanSlots: sent > BULKS_IN_FLIGHT, indexed: report.indexed, rejected: report.rejected, count })
      .toEqual({ most: BULKS_IN_FLIGHT, moreRequestsThanSlots: true, indexed: expected, rejected: 0, count: expected });
    // The raw file has enough rows for more batches than requests in flight.
    expect(Math.ceil(expected / MAX_BATCH_RECORDS)).toBeGreaterThan(BULKS_IN_FLIGHT);
  }, 60000);

  test('leave no request slot free while records are pending: a free slot does not wait for a full batch', async () => {
    const records: StoredRecord[] = [];
    for await (const page of streamRecords(deps.pool, ID, 300)) { records.push(...page); break; }
    const dataset = (await getDataset(deps.pool, ID))!;
    // Each request's documents are counted as it is sent; none is answered until the end.
    const sent: number[] = [];
    let answer = (): void => undefined;
    const answered = new Promise<void>((resolve) => { answer = resolve; });
    const es = Object.create(deps.es) as Client;
    es.bulk = (async (...args: Parameters<Client['bulk']>) => {
      sent.push(bulkLines((args[0] as { operations: unknown }).operations).length / 2);
      await answered;
      return deps.es.bulk(...args);
    }) as Client['bulk'];
    const loading = await openLoadingVersion({ ...deps, es }, ID, dataset.fields, records.length);
    try {
      for (let from = 0; from < 300; from += 100) await loading.add(records.slice(from, from + 100));
    } finally {
      answer();
      await loading.discard();
    }
    // Far fewer than MAX_BATCH_RECORDS each: the first two go at once, one per slot, each holding
    // back its last record for the next request; the third waits, both slots being taken.
    expect({ maxBatch: MAX_BATCH_RECORDS > 300, sent }).toEqual({ maxBatch: true, sent: [99, 100] });
  }, 60000);

  test('hold about MAX_BATCH_BYTES of documents at most, whatever each document carries', async () => {
    // Each request's size is measured on what goes over the wire: its action and document lines.
    const requests: Array<{ bytes: number; largest: number }> = [];
    const es = Object.create(deps.es) as Client;
    es.bulk = (async (...args: Parameters<Client['bulk']>) => {
      const lines = bulkLines((args[0] as { operations: unknown }).operations).map((line) => Buffer.byteLength(line) + 1);
      requests.push({ bytes: lines.reduce((a, b) => a + b, 0), largest: Math.max(...lines) });
      return deps.es.bulk(...args);
    }) as Client['bulk'];
    const report = await reindexDataset({ ...deps, es }, POLYGONS);
    expect(report.rejected).toBe(0);
    // A request is sent once the count passes the cap, so it may go over by its last document.
    const over = requests.filter((r) => r.bytes > MAX_BATCH_BYTES + r.largest);
    expect({ over, capReached: requests.some((r) => r.bytes > MAX_BATCH_BYTES / 2) }).toEqual({ over: [], capReached: true });
  }, 120000);
});
