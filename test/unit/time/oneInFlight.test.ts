import { OneInFlight } from '../../../src/time/oneInFlight';

/** A task that ends when told to, noting when it starts and ends. */
function gate(log: string[], name: string): { task: () => Promise<void>; end: () => void; fail: (e: Error) => void } {
  let end!: () => void;
  let fail!: (e: Error) => void;
  const done = new Promise<void>((resolve, reject) => { end = resolve; fail = reject; });
  return {
    task: () => { log.push(`start ${name}`); return done.then(() => { log.push(`end ${name}`); }); },
    end: () => end(),
    fail: (e) => fail(e),
  };
}

describe('OneInFlight', () => {
  test('start returns while its task runs, and the next start waits for it to end', async () => {
    const log: string[] = [];
    const tasks = new OneInFlight();
    const a = gate(log, 'a');
    const b = gate(log, 'b');
    await tasks.start(a.task);
    expect(log).toEqual(['start a']);
    let bStarted = false;
    const second = tasks.start(b.task).then(() => { bStarted = true; });
    await new Promise((r) => setImmediate(r));
    expect(bStarted).toBe(false);
    expect(log).toEqual(['start a']);
    a.end();
    await second;
    expect(log).toEqual(['start a', 'end a', 'start b']);
    b.end();
    await tasks.settle();
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b']);
  });

  test('a failure is thrown by the next start, which then does not run its task', async () => {
    const log: string[] = [];
    const tasks = new OneInFlight();
    const a = gate(log, 'a');
    await tasks.start(a.task);
    a.fail(new Error('insert refused'));
    const next = jest.fn(async () => undefined);
    await expect(tasks.start(next)).rejects.toThrow('insert refused');
    expect(next).not.toHaveBeenCalled();
  });

  test('a failure is thrown by settle, once, and settle with nothing running resolves', async () => {
    const tasks = new OneInFlight();
    await expect(tasks.settle()).resolves.toBeUndefined();
    await tasks.start(() => Promise.reject(new Error('lost connection')));
    await expect(tasks.settle()).rejects.toThrow('lost connection');
    await expect(tasks.settle()).resolves.toBeUndefined();
  });
});
