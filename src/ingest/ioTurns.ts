import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * The items of `items`, with a turn of the event loop every `every` items. Items a reader has
 * already read come one after another without a turn (a CSV file is read by the megabyte:
 * thousands of rows), and whatever waits on I/O meanwhile (an answer, a request the client writes
 * on a later turn) would wait for the next read.
 */
export async function* withIoTurns<T>(items: AsyncIterable<T>, every: number): AsyncGenerator<T> {
  let count = 0;
  for await (const item of items) {
    yield item;
    if (++count % every === 0) await nextTurn();
  }
}
