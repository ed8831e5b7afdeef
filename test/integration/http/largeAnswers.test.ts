import { setImmediate as tick } from 'node:timers/promises';
import pino from 'pino';
import request from 'supertest';
import type { Deps } from '../../../src/execute/deps';
import { createApp } from '../../../src/http/app';
import { LargeAnswers, type LargeAnswerTicket } from '../../../src/http/largeAnswers';
import { ensureFixture } from '../../support/ingestFixture';
import { TEST_NOW } from '../../support/recordsApp';
import { openTestDeps } from '../../support/testDeps';

/**
 * Large answers (downloads, exports, pages of more than a piece) are sent a few at a time: the
 * others wait their turn, and beyond the waiting room they are refused with a 503 in the route's
 * dialect, before any byte, and so are those whose turn does not come in time. Small answers never
 * wait. Each test holds the turns itself, so that nothing depends on how long an answer takes.
 */
let deps: Deps & { close(): Promise<void> };
beforeAll(async () => {
  deps = await openTestDeps();
  await ensureFixture(deps, 'lieux-de-tournage-a-paris');
}, 300000);
afterAll(() => deps.close());

const appWith = (gate: LargeAnswers) => createApp(deps, pino({ level: 'silent' }), { clock: () => TEST_NOW, pages: { pieceRows: 50 }, largeAnswers: gate });
const DATASET = 'lieux-de-tournage-a-paris';
const LARGE_PAGE = `/api/records/1.0/search?dataset=${DATASET}&rows=500`;
const MESSAGE = 'Too many downloads, exports and large pages are being sent at once; retry in 5 seconds.';

describe('with every turn taken and no waiting room', () => {
  const gate = new LargeAnswers({ atOnce: 1, waiting: 0, waitMs: 600_000 });
  let app: ReturnType<typeof appWith>;
  let held: LargeAnswerTicket;
  beforeAll(() => {
    app = appWith(gate);
    held = gate.enter(() => undefined)!;
  });
  afterAll(() => held.leave());

  test('a large ODS page, a download and an export are a 503 with Retry-After, in ODS form', async () => {
    for (const path of [LARGE_PAGE, `/api/records/1.0/download?dataset=${DATASET}&format=csv`, '/api/v2/catalog/exports/dcat.ttl']) {
      const res = await request(app).get(path);
      expect({ path, status: res.status, retry: res.headers['retry-after'], body: res.body as unknown })
        .toEqual({ path, status: 503, retry: '5', body: { error: MESSAGE, errorcode: 10043 } });
    }
  });

  test('a large CKAN DataStore page is a 503 in CKAN form, its size in the query or in d4c\'s path parameters', async () => {
    for (const path of [`/api/3/action/datastore_search?resource_id=${DATASET}&limit=1000`, `/api/records/2.0/search/resource_id=${DATASET}&limit=1000`]) {
      const res = await request(app).get(path);
      expect({ path, answer: [res.status, res.headers['retry-after'], res.body] }).toEqual({ path, answer: [503, '5', { success: false, error: { __type: 'Search Error', message: MESSAGE } }] });
    }
  });

  test('small answers are sent as usual', async () => {
    const res = await request(app).get(`/api/records/1.0/search?dataset=${DATASET}&rows=50`);
    expect([res.status, (res.body as { records: unknown[] }).records.length]).toEqual([200, 50]);
    expect((await request(app).get(`/api/3/action/datastore_search?resource_id=${DATASET}&limit=5`)).status).toBe(200);
  });
});

describe('with every turn taken and room to wait', () => {
  test('a large page waits for the turn, then is sent whole, and gives its turn back', async () => {
    const gate = new LargeAnswers({ atOnce: 1, waiting: 1, waitMs: 600_000 });
    const app = appWith(gate);
    const held = gate.enter(() => undefined)!;
    const answer = request(app).get(LARGE_PAGE).then((res) => res);
    while (gate.waitingNow === 0) await tick();
    expect(gate.sending).toBe(1);
    held.leave();
    const res = await answer;
    expect([res.status, (res.body as { records: unknown[] }).records.length]).toEqual([200, 500]);
    // Once its response ended, the page's turn is free again.
    while (gate.sending > 0) await tick();
    expect(gate.waitingNow).toBe(0);
  });

  test('one whose turn does not come within the wait is a 503, and leaves the queue', async () => {
    const gate = new LargeAnswers({ atOnce: 1, waiting: 1, waitMs: 1 });
    const held = gate.enter(() => undefined)!;
    try {
      const res = await request(appWith(gate)).get(LARGE_PAGE);
      expect([res.status, res.headers['retry-after'], res.body]).toEqual([503, '5', { error: MESSAGE, errorcode: 10043 }]);
      expect({ sending: gate.sending, waiting: gate.waitingNow }).toEqual({ sending: 1, waiting: 0 });
    } finally {
      held.leave();
    }
    expect(gate.sending).toBe(0);
  });

  test('a client that goes while waiting leaves the queue, and its answer is never started', async () => {
    const gate = new LargeAnswers({ atOnce: 1, waiting: 1, waitMs: 600_000 });
    const app = appWith(gate);
    const held = gate.enter(() => undefined)!;
    const gone = request(app).get(LARGE_PAGE);
    const settled = gone.then(() => 'answered', () => 'aborted');
    while (gate.waitingNow === 0) await tick();
    gone.abort();
    expect(await settled).toBe('aborted');
    while (gate.waitingNow > 0) await tick();
    held.leave();
    expect(gate.sending).toBe(0);
  });
});
