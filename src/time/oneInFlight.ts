/**
 * Runs tasks one after another without waiting for each: `start` waits for the task before (and
 * throws its failure), starts the new one and returns while it runs. The caller goes on with its
 * own work meanwhile, and at most one task is ever running, which bounds what it holds.
 */
export class OneInFlight {
  private running: Promise<void> | null = null;

  /** Waits for the task before, then starts `task` and returns without waiting for it. */
  async start(task: () => Promise<unknown>): Promise<void> {
    await this.settle();
    const run = task().then(() => undefined);
    // Marked handled here: its failure is thrown by the next start() or settle().
    run.catch(() => undefined);
    this.running = run;
  }

  /** Waits for the task running, if any; throws its failure. */
  async settle(): Promise<void> {
    const run = this.running;
    this.running = null;
    await run;
  }
}
