/**
 * How many bulk reads (a page of an export, a later piece of a large page) may run in
 * Elasticsearch at once, across every request of this process: the others wait their turn, first
 * come first served, so that bulk work never takes every search thread from the small requests.
 */
export class BulkReads {
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(readonly limit: number) {}

  /** Runs `read` when a turn is free, and frees the turn when it ends, whatever its outcome. */
  async run<T>(read: () => Promise<T>): Promise<T> {
    if (this.running >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running++;
    try {
      return await read();
    } finally {
      const next = this.waiting.shift();
      // The turn passes straight to the next waiter; with none, it is freed.
      if (next) next();
      else this.running--;
    }
  }
}
