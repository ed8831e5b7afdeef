import type { Deps } from '../../../src/execute/deps';
import type { JobBus } from '../../../src/execute/jobBus';
import type { Job, JobState } from '../../../src/model/job';
import { followJob, JobEventKind } from '../../../src/dialects/management/followJob';

/** A job read at `second` seconds past a fixed instant, with `rowsRead` rows read. */
const job = (second: number, rowsRead: number, state: JobState = 'running'): Job => ({
  id: 7, datasetId: 'd', domain: null, state, phase: 'reading', rowsRead, rowsPublished: 0, rowsIndexed: 0, rowsWarned: 0,
  warnings: [], error: null, cancelRequested: false, request: null,
  startedAt: new Date('2026-12-02T10:00:00Z'), updatedAt: new Date(Date.UTC(2026, 11, 2, 10, 0, second)), finishedAt: null,
});

/** Follows `first`, then hands the follower each of `later` in turn, as the bus would; returns what was emitted. */
function emitted(first: Job, later: Job[]): Array<[JobEventKind, number]> {
  let onChange: (j: Job) => void = () => undefined;
  let stopped = 0;
  const bus = { follow: (_q: unknown, _id: number, f: (j: Job) => void) => { onChange = f; return () => { stopped++; }; } } as unknown as JobBus;
  const seen: Array<[JobEventKind, number]> = [];
  followJob({} as Deps, bus, first, (kind, j) => seen.push([kind, j.rowsRead]));
  for (const j of later) onChange(j);
  if (seen.some(([kind]) => kind === 'end')) expect(stopped).toBe(1);
  return seen;
}

describe('followJob', () => {
  test('a poll that read the job before the last change, and answers after it, is not sent: progress never goes backwards', () => {
    expect(emitted(job(1, 6000), [job(3, 7000), job(2, 6000), job(4, 8000)])).toEqual([['progress', 6000], ['progress', 7000], ['progress', 8000]]);
  });

  test('the same state read twice is sent once', () => {
    expect(emitted(job(1, 1000), [job(1, 1000), job(2, 1000), job(3, 2000)])).toEqual([['progress', 1000], ['progress', 2000]]);
  });

  test('read in the same millisecond, fewer rows read is the older read', () => {
    expect(emitted(job(1, 1000), [job(2, 3000), job(2, 2000)])).toEqual([['progress', 1000], ['progress', 3000]]);
  });

  test('a final state is sent, then end, and nothing after it', () => {
    expect(emitted(job(1, 1000), [job(5, 14760, 'published'), job(6, 14760, 'published'), job(7, 99, 'running')]))
      .toEqual([['progress', 1000], ['progress', 14760], ['end', 14760]]);
  });

  test('a job already ended is sent with end at once, and the bus is never followed', () => {
    const bus = { follow: () => { throw new Error('followed'); } } as unknown as JobBus;
    const seen: JobEventKind[] = [];
    followJob({} as Deps, bus, job(9, 5, 'failed'), (kind) => seen.push(kind));
    expect(seen).toEqual(['progress', 'end']);
  });
});
