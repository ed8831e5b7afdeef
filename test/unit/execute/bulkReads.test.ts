import { BulkReads } from '../../../src/execute/bulkReads';

/** A read that ends when the test says so. */
function deferred(): { promise: Promise<string>; resolve: (v: string) => void; reject: (e: Error) => void } {
  let resolve!: (v: string) => void;
  let reject!: (e: Error) => void;
  const promise = new Promise<string>((res, rej) => { resolve = res; reject = rej; });
  return { promise, resolve, reject };
}
const settle = (): Promise<void> => new Promise((r) => setImmediate(r));

describe('BulkReads', () => {
  test('at most `limit` reads at once, the others started first come first served as turns free, a failure freeing its turn', async () => {
    const gate = new BulkReads(2);
    const reads = Array.from({ length: 5 }, () => deferred());
    const started: number[] = [];
    const results = reads.map((d, i) => gate.run(() => { started.push(i); return d.promise; }).catch((e: Error) => e.message));
    await settle();
    expect(started).toEqual([0, 1]);
    reads[1].reject(new Error('refused'));
    await settle();
    expect(started).toEqual([0, 1, 2]);
    reads[0].resolve('a');
    await settle();
    expect(started).toEqual([0, 1, 2, 3]);
    reads[3].resolve('d');
    reads[2].resolve('c');
    await settle();
    expect(started).toEqual([0, 1, 2, 3, 4]);
    reads[4].resolve('e');
    expect(await Promise.all(results)).toEqual(['a', 'refused', 'c', 'd', 'e']);
    // Every turn is free again: two reads start at once.
    const more = [deferred(), deferred()];
    const again: number[] = [];
    const done = more.map((d, i) => gate.run(() => { again.push(i); return d.promise; }));
    await settle();
    expect(again).toEqual([0, 1]);
    more.forEach((d) => d.resolve('x'));
    await Promise.all(done);
  });
});
