import type { Request, RequestHandler } from 'express';
import { AppError } from '../errors/catalogue';

/** How many large answers may be sent at once, how many more may wait for a turn, and for how long (ms). */
export interface LargeAnswerLimits { atOnce: number; waiting: number; waitMs: number }

/** Heap a large answer is given: 64 MiB, two to eight times what one took in bench:memory (8 to 25 MB of RSS each, 16 at once). */
const HEAP_PER_TURN = 64 * 1024 * 1024;
/** Beyond this many at once, the answers only share the process's one core more thinly. */
const MOST_TURNS = 64;

/**
 * How many large answers are sent at once: `configured` when it is a number; with `auto`, one per
 * 64 MiB of the heap's limit (`v8.getHeapStatistics().heap_size_limit`), at least 1 and at most
 * 64. With the flags the API is served with (a 1,024 MiB old space and an 8 MiB semi-space: a
 * limit of 1,048 MiB) that is 16; with Node's own limit on a large machine (4,144 MiB), 64.
 */
export function largeAnswerTurns(configured: number | 'auto', heapLimitBytes: number): number {
  if (configured !== 'auto') return configured;
  return Math.min(MOST_TURNS, Math.max(1, Math.floor(heapLimitBytes / HEAP_PER_TURN)));
}

/** A place taken in LargeAnswers: `leave` frees its turn, or its place in the queue; a second call does nothing. */
export interface LargeAnswerTicket { leave(): void }

/**
 * The turns of the large answers (downloads, exports, pages read in pieces) of this process. Each
 * holds a piece of its answer at a time, a few to tens of MB: 64 catalog pages of 10,000 entries
 * sent at once took the API to 537 MB, and with enough of them at once its heap would run out. The
 * first `atOnce` are sent; the next `waiting` wait their turn, first come first served; any more is refused.
 */
export class LargeAnswers {
  private running = 0;
  private readonly queue: Array<{ start(): void }> = [];
  private refusals = 0;

  constructor(readonly limits: LargeAnswerLimits) {}

  /** Answers being sent now, and answers waiting for a turn. */
  get sending(): number { return this.running; }
  get waitingNow(): number { return this.queue.length; }
  /** Answers refused since the start: every turn taken and the waiting room full. */
  get refused(): number { return this.refusals; }

  /** `start` is called once the answer's turn comes (at once when one is free); undefined when the queue is full. */
  enter(start: () => void): LargeAnswerTicket | undefined {
    if (this.running < this.limits.atOnce) {
      this.running++;
      start();
      return this.ticket(() => true);
    }
    if (this.queue.length >= this.limits.waiting) {
      this.refusals++;
      return undefined;
    }
    let started = false;
    const waiter = { start: () => { started = true; start(); } };
    this.queue.push(waiter);
    return this.ticket(() => {
      if (started) return true;
      this.queue.splice(this.queue.indexOf(waiter), 1);
      return false;
    });
  }

  /** A ticket whose `leave` asks `holdsTurn` (which takes a waiter out of the queue) and passes a held turn on. */
  private ticket(holdsTurn: () => boolean): LargeAnswerTicket {
    let left = false;
    return {
      leave: () => {
        if (left) return;
        left = true;
        if (!holdsTurn()) return;
        const next = this.queue.shift();
        // The turn passes straight to the next waiter; with none, it is freed.
        if (next) next.start();
        else this.running--;
      },
    };
  }
}

/** Paths whose answer is a whole dataset or catalog: records downloads, geopreviews, exports (DCAT-AP). */
const LARGE_PATH = /\/(?:download|geopreview|exports\/[^/]+)\/?$/;

/** The parameters that ask for a page's size, in any dialect (ODS `rows`, CKAN `rows` and `limit`, OGC `limit`). */
const SIZE_PARAMETERS = ['rows', 'limit'];

const valuesOf = (from: unknown, name: string): unknown[] =>
  (typeof from === 'object' && from !== null ? [(from as Record<string, unknown>)[name]].flat() : []);

/** d4c's parameters written after the last slash of the path (`/records/2.0/search/resource_id=x&limit=5000`). */
function pathParameters(path: string): URLSearchParams {
  const last = path.slice(path.lastIndexOf('/') + 1);
  return new URLSearchParams(last.includes('=') ? last : '');
}

/**
 * Whether a request asks for a large answer: one of LARGE_PATH (but for a HEAD, which reads a
 * piece at most there: src/dialects/shared/streamExport.ts), or a page of more than `pieceRows`
 * rows (in the query, the path's last segment or the body).
 */
export function isLargeAnswer(req: Request, pieceRows: number): boolean {
  if (LARGE_PATH.test(req.path)) return req.method !== 'HEAD';
  const inPath = pathParameters(req.path);
  return SIZE_PARAMETERS.some((name) => [...valuesOf(req.query, name), ...inPath.getAll(name), ...valuesOf(req.body, name)]
    .some((v) => (typeof v === 'string' || typeof v === 'number') && Number(v) > pieceRows));
}

/** Seconds a refused large answer is told to wait before it asks again. */
const RETRY_AFTER_SECONDS = 5;

const busy = (): AppError =>
  new AppError('busy', `Too many downloads, exports and large pages are being sent at once; retry in ${RETRY_AFTER_SECONDS} seconds.`, { retryAfterSeconds: RETRY_AFTER_SECONDS });

/**
 * Sends a large answer only in its turn (LargeAnswers), freed when its response ends or its client
 * goes. One refused because too many are sent and waiting already, or whose turn has not come
 * within the gate's `waitMs`, gets a 503 (`busy`) in the route's dialect, before any byte; small
 * answers are never held.
 */
export function largeAnswers(gate: LargeAnswers, pieceRows: number): RequestHandler {
  return (req, res, next) => {
    if (!isLargeAnswer(req, pieceRows)) return next();
    // Listened to first: whenever the response ends, the place it took is left.
    const place: { ticket?: LargeAnswerTicket; timer?: NodeJS.Timeout; started?: boolean } = {};
    res.once('close', () => {
      clearTimeout(place.timer);
      place.ticket?.leave();
    });
    place.ticket = gate.enter(() => {
      place.started = true;
      clearTimeout(place.timer);
      next();
    });
    if (place.ticket === undefined) return next(busy());
    if (place.started) return;
    place.timer = setTimeout(() => {
      place.ticket?.leave();
      next(busy());
    }, gate.limits.waitMs);
  };
}
