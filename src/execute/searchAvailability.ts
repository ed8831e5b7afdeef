import { setTimeout as sleep } from 'node:timers/promises';
import { errors } from '@elastic/elasticsearch';

/**
 * True for a failure that says Elasticsearch could not be reached, or was too busy or too slow
 * to answer, rather than that the request was wrong: the same request may succeed later.
 */
export function isSearchUnavailable(err: unknown): boolean {
  if (err instanceof errors.ConnectionError || err instanceof errors.NoLivingConnectionsError || err instanceof errors.TimeoutError) return true;
  return err instanceof errors.ResponseError && [429, 502, 503, 504].includes(err.statusCode ?? 0);
}

export interface WaitOptions {
  /** The longest time spent waiting in all, after which the last failure is thrown. */
  maxWaitMs: number;
  /** Called before each pause, with the failure that caused it. */
  onWait?: (err: unknown, attempt: number) => void;
}

/** The pause before attempt `attempt + 1`: 0.5 s doubling up to 10 s. */
const pauseMs = (attempt: number): number => Math.min(10_000, 500 * 2 ** (attempt - 1));

/**
 * Runs `step` again, after a growing pause, for as long as it fails because Elasticsearch is
 * unavailable (and at most `maxWaitMs`); any other failure is thrown at once. The step must be
 * safe to run again from the start.
 */
export async function whileSearchUnavailable<T>(step: () => Promise<T>, options: WaitOptions): Promise<T> {
  let waited = 0;
  for (let attempt = 1; ; attempt++) {
    try {
      return await step();
    } catch (err) {
      const pause = pauseMs(attempt);
      if (!isSearchUnavailable(err) || waited + pause > options.maxWaitMs) throw err;
      options.onWait?.(err, attempt);
      await sleep(pause);
      waited += pause;
    }
  }
}
