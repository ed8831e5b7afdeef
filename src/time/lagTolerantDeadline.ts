/** The error a missed deadline rejects with. */
export class DeadlineExceeded extends Error {
  constructor() {
    super('deadline exceeded');
    this.name = 'DeadlineExceeded';
  }
}

/** A timer that fires this much later than asked was held up by a busy event loop. */
const LAG_TOLERANCE_MS = 25;
/** At most this many extra waits after lag, so that a loop that never stops lagging still ends. */
const MAX_EXTRA_WAITS = 5;

/**
 * `promise`, or a DeadlineExceeded rejection once it has had `ms` of its own: time the event loop
 * spent busy elsewhere does not count. A plain timer would fire first after a stall of the loop,
 * before the answer that arrived meanwhile is read, and blame the peer for the process's own lag.
 * So a timer that fires late waits again, and an expiry is decided only after the pending I/O of
 * this turn of the loop has been read (`setImmediate` runs after the poll phase). `onExpire`
 * runs once on expiry (to abort the call).
 */
export function lagTolerantDeadline<T>(promise: Promise<T>, ms: number, onExpire: () => void = () => undefined): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    let timer: NodeJS.Timeout | undefined;
    const settle = (f: () => void): void => { if (!settled) { settled = true; if (timer !== undefined) clearTimeout(timer); f(); } };
    const arm = (extraWaits: number): void => {
      const due = performance.now() + ms;
      timer = setTimeout(() => {
        timer = undefined;
        if (performance.now() - due > LAG_TOLERANCE_MS && extraWaits < MAX_EXTRA_WAITS) { arm(extraWaits + 1); return; }
        setImmediate(() => settle(() => { onExpire(); reject(new DeadlineExceeded()); }));
      }, ms);
    };
    arm(0);
    promise.then((v) => settle(() => resolve(v)), (e: unknown) => settle(() => reject(e)));
  });
}
