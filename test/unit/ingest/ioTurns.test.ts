import { withIoTurns } from '../../../src/ingest/ioTurns';

/** Items already in memory, as a reader gives the rows of a chunk it has read: no I/O between them. */
async function* inMemory(count: number, state: { pulled: number; closed: boolean }): AsyncGenerator<number> {
  try {
    for (let i = 0; i < count; i++) { state.pulled++; yield i; }
  } finally {
    state.closed = true;
  }
}

/** How many items had been taken from the source each time a callback queued behind I/O ran, while `items` was read to its end. */
async function turnsSeen(items: AsyncIterable<number>, state: { pulled: number }): Promise<{ out: number[]; seenAt: number[] }> {
  const seenAt: number[] = [];
  let reading = true;
  const watch = (): void => { seenAt.push(state.pulled); if (reading) setImmediate(watch); };
  setImmediate(watch);
  const out: number[] = [];
  for await (const item of items) out.push(item);
  reading = false;
  await new Promise((resolve) => { setImmediate(resolve); });
  return { out, seenAt };
}

describe('withIoTurns', () => {
  test('without it, items already read starve the event loop to their end', async () => {
    const state = { pulled: 0, closed: false };
    const { seenAt } = await turnsSeen(inMemory(1000, state), state);
    expect(seenAt[0]).toBe(1000);
  });

  test('lets the event loop turn every `every` items, and gives every item in order', async () => {
    const state = { pulled: 0, closed: false };
    const { out, seenAt } = await turnsSeen(withIoTurns(inMemory(1000, state), 100), state);
    expect(out).toEqual(Array.from({ length: 1000 }, (_, i) => i));
    // The turns come after the 100th item, the 200th, ...: what waits on I/O never waits longer.
    expect(seenAt.slice(0, 10)).toEqual([100, 200, 300, 400, 500, 600, 700, 800, 900, 1000]);
    expect(state.closed).toBe(true);
  });

  test('closes its source when the reading stops early', async () => {
    const state = { pulled: 0, closed: false };
    for await (const item of withIoTurns(inMemory(1000, state), 100)) if (item === 150) break;
    expect({ pulled: state.pulled, closed: state.closed }).toEqual({ pulled: 151, closed: true });
  });
});
