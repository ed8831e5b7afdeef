import { PortalClient } from '../../../packages/client/src/portalClient';

/**
 * The client streams: over bodies that never end (each read makes one more record or event), it
 * gives the first items, and closes the body when the reader stops. A client that read the whole
 * body first would never give one, and the test would fail on its timeout.
 */
function endless(piece: (n: number) => string, head = ''): { body: ReadableStream<Uint8Array>; cancelled: () => boolean } {
  let n = 0;
  let cancelled = false;
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) { if (head !== '') controller.enqueue(encoder.encode(head)); },
    pull(controller) { controller.enqueue(encoder.encode(piece(n++))); },
    cancel() { cancelled = true; },
  });
  return { body, cancelled: () => cancelled };
}

const record = (n: number): string => JSON.stringify({ datasetid: 'd', recordid: `r${n}`, fields: { n }, record_timestamp: '2026-01-01T00:00:00Z' });
const clientAnswering = (body: ReadableStream<Uint8Array>): PortalClient =>
  new PortalClient({ baseUrl: 'http://portal.test', apiKey: 'k', fetch: (async () => new Response(body)) as typeof fetch });

async function firstOf<T>(items: AsyncIterable<T>, count: number): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) { out.push(item); if (out.length === count) break; }
  return out;
}

test('an NDJSON download gives records while the body is still coming', async () => {
  const stream = endless((n) => `${record(n)}\n`);
  const records = await firstOf(clientAnswering(stream.body).download({ dataset: 'd' }), 3);
  expect([records.map((r) => r.recordid), stream.cancelled()]).toEqual([['r0', 'r1', 'r2'], true]);
});

test('a JSON download gives the array\'s items while the body is still coming', async () => {
  const stream = endless((n) => `${n === 0 ? '' : ','}${record(n)}`, '[');
  const records = await firstOf(clientAnswering(stream.body).download({ dataset: 'd' }, { format: 'json' }), 3);
  expect([records.map((r) => r.recordid), stream.cancelled()]).toEqual([['r0', 'r1', 'r2'], true]);
});

test('a CSV download gives text while the body is still coming', async () => {
  const stream = endless((n) => `${n}\n`, 'n\n');
  const chunks = await firstOf(clientAnswering(stream.body).downloadCsv({ dataset: 'd' }), 2);
  expect([chunks.join(''), stream.cancelled()]).toEqual(['n\n0\n', true]);
});

test('job events come as they are sent, before the stream ends', async () => {
  const stream = endless((n) => `event: progress\ndata: {"id":1,"status":"RUNNING","rows_read":${n * 1000}}\n\n`);
  const events = await firstOf(clientAnswering(stream.body).management.followJob(1), 2);
  expect([events.map((e) => [e.event, e.job.rows_read]), stream.cancelled()]).toEqual([[['progress', 0], ['progress', 1000]], true]);
});
