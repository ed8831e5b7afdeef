import type { ReaderItem } from '../../../src/ingest/rawRow';
import { sampleThenRead } from '../../../src/ingest/sampleRows';

const row = (position: number): ReaderItem => ({ kind: 'row', row: { position, values: { n: String(position) } } });
const problem = (position: number): ReaderItem => ({ kind: 'problem', problem: { position, message: `bad line ${position}` } });

/** A reader over `items` that counts how often it was started and whether it was closed. */
function counted(items: ReaderItem[]): { read: () => AsyncGenerator<ReaderItem>; starts: number; closed: boolean; pulled: number } {
  const state = {
    starts: 0, closed: false, pulled: 0,
    read: async function* (): AsyncGenerator<ReaderItem> {
      state.starts++;
      try {
        for (const item of items) { state.pulled++; yield item; }
      } finally {
        state.closed = true;
      }
    },
  };
  return state;
}

const all = async (gen: AsyncGenerator<ReaderItem>): Promise<ReaderItem[]> => { const out: ReaderItem[] = []; for await (const i of gen) out.push(i); return out; };

describe('sampleThenRead', () => {
  test('samples the first rows, then yields every item from the first, reading the source once', async () => {
    const items = [row(2), problem(3), row(4), row(5), problem(6), row(7)];
    const source = counted(items);
    const sampled = await sampleThenRead(source.read, 2);
    expect(sampled.sample.map((r) => r.position)).toEqual([2, 4]);
    // Only what the sample needed was read so far.
    expect(source.pulled).toBe(3);
    expect(await all(sampled.items())).toEqual(items);
    expect(source.starts).toBe(1);
    expect(source.closed).toBe(true);
  });

  test('a source shorter than the sample is read whole, and replayed', async () => {
    const items = [problem(1), row(2)];
    const sampled = await sampleThenRead(counted(items).read, 500);
    expect(sampled.sample).toHaveLength(1);
    expect(await all(sampled.items())).toEqual(items);
  });

  test('close ends a source whose rest is never read, and one left part way', async () => {
    const unread = counted([row(1), row(2), row(3)]);
    const first = await sampleThenRead(unread.read, 1);
    expect(unread.closed).toBe(false);
    await first.close();
    expect(unread.closed).toBe(true);

    const partly = counted([row(1), row(2), row(3), row(4)]);
    const second = await sampleThenRead(partly.read, 1);
    for await (const item of second.items()) if (item.kind === 'row' && item.row.position === 2) break;
    expect(partly.closed).toBe(true);
    expect(partly.pulled).toBe(2);
  });
});
