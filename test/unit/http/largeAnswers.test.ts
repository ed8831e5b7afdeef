import { execFileSync } from 'node:child_process';
import type { Request } from 'express';
import { isLargeAnswer, largeAnswerTurns, LargeAnswers } from '../../../src/http/largeAnswers';
import { SERVE_NODE_FLAGS } from '../../../bench/serveFlags';

describe('LargeAnswers: the turns of large answers', () => {
  test('the first atOnce start at once, the next wait in order, any more is refused', () => {
    const gate = new LargeAnswers({ atOnce: 2, waiting: 2, waitMs: 600_000 });
    const started: string[] = [];
    const enter = (name: string) => gate.enter(() => started.push(name));
    const [a, b, c, d] = ['a', 'b', 'c', 'd'].map(enter);
    expect(started).toEqual(['a', 'b']);
    expect(enter('e')).toBeUndefined();
    expect({ sending: gate.sending, waiting: gate.waitingNow }).toEqual({ sending: 2, waiting: 2 });
    b!.leave();
    expect(started).toEqual(['a', 'b', 'c']);
    a!.leave();
    expect(started).toEqual(['a', 'b', 'c', 'd']);
    c!.leave();
    d!.leave();
    expect({ sending: gate.sending, waiting: gate.waitingNow }).toEqual({ sending: 0, waiting: 0 });
  });

  test('a waiter that leaves before its turn is never started, and takes no turn', () => {
    const gate = new LargeAnswers({ atOnce: 1, waiting: 2, waitMs: 600_000 });
    const started: string[] = [];
    const a = gate.enter(() => started.push('a'));
    const b = gate.enter(() => started.push('b'));
    const c = gate.enter(() => started.push('c'));
    b!.leave();
    expect(gate.waitingNow).toBe(1);
    a!.leave();
    expect(started).toEqual(['a', 'c']);
    c!.leave();
    expect(gate.sending).toBe(0);
  });

  test('leaving twice frees one turn only', () => {
    const gate = new LargeAnswers({ atOnce: 1, waiting: 1, waitMs: 600_000 });
    const a = gate.enter(() => undefined);
    const started: string[] = [];
    gate.enter(() => started.push('b'));
    a!.leave();
    a!.leave();
    expect(started).toEqual(['b']);
    expect(gate.sending).toBe(1);
    // The turn b holds is still held: a third answer waits.
    gate.enter(() => started.push('c'));
    expect(started).toEqual(['b']);
  });

  test('with no waiting room, the answer after the turns is refused at once', () => {
    const gate = new LargeAnswers({ atOnce: 1, waiting: 0, waitMs: 600_000 });
    expect(gate.enter(() => undefined)).toBeDefined();
    expect(gate.enter(() => undefined)).toBeUndefined();
    expect(gate.enter(() => undefined)).toBeUndefined();
    expect(gate.refused).toBe(2);
  });
});

describe('isLargeAnswer', () => {
  const req = (path: string, query: Record<string, unknown> = {}, body?: unknown, method = 'GET') => ({ path, query, body, method }) as unknown as Request;

  test.each([
    ['a records download', req('/api/records/1.0/download', { dataset: 'x' })],
    ['an api2 download', req('/paris/api2/records/download/')],
    ['a geopreview', req('/api/records/1.0/geopreview', { dataset: 'x' })],
    ['the DCAT-AP catalog export', req('/paris/api/v2/catalog/exports/dcat.ttl')],
    ['a records page over the piece size', req('/api/records/1.0/search', { rows: '201' })],
    ['a repeated rows, one over the piece size', req('/api/records/1.0/search', { rows: ['10', '5000'] })],
    ['a CKAN DataStore limit over it', req('/api/3/action/datastore_search', { limit: '32000' })],
    ['an OGC items limit over it', req('/ogc/collections/x/items', { limit: '1000' })],
    ['rows in a form body', req('/api/records/1.0/search', {}, { rows: '1000' })],
    ['rows in a JSON body', req('/api/3/action/package_search', {}, { rows: 1000 })],
    ['a limit in d4c\'s path parameters', req('/api/records/2.0/search/resource_id=x&limit=5000')],
  ])('%s is large', (_name, r) => expect(isLargeAnswer(r, 200)).toBe(true));

  test.each([
    ['a default records page', req('/api/records/1.0/search', { dataset: 'x' })],
    ['a page of the piece size', req('/api/records/1.0/search', { rows: '200' })],
    ['a rows that is not a number', req('/api/records/1.0/search', { rows: 'many' })],
    ['a catalog search with 100 rows', req('/api/datasets/1.0/search', { rows: '100' })],
    ['a dataset named download', req('/api/datasets/1.0/download-stats')],
    ['analyze', req('/api/records/1.0/analyze', { dataset: 'x' })],
    ['a small limit in d4c\'s path parameters', req('/api/3/action/datastore_search/resource_id=x&limit=5')],
    ['a HEAD of a download (no record read)', req('/api/records/1.0/download', { dataset: 'x' }, undefined, 'HEAD')],
    ['a HEAD of the DCAT-AP catalog export (one page read)', req('/paris/api/v2/catalog/exports/dcat.ttl', {}, undefined, 'HEAD')],
  ])('%s is not', (_name, r) => expect(isLargeAnswer(r, 200)).toBe(false));

  test('a HEAD of a page over the piece size is large still: a page rendered whole (package_search) is rendered for it', () => {
    expect(isLargeAnswer(req('/api/3/action/package_search', { rows: '1000' }, undefined, 'HEAD'), 200)).toBe(true);
  });
});

describe('largeAnswerTurns: how many at once', () => {
  const MiB = 1024 * 1024;

  test('a number is taken as it is', () => {
    expect(largeAnswerTurns(5, 10 * MiB)).toBe(5);
    expect(largeAnswerTurns(200, 4144 * MiB)).toBe(200);
  });

  test.each([
    ['1,048 MiB (--max-old-space-size=1024 --max-semi-space-size=8)', 1048, 16],
    ['1,072 MiB (--max-old-space-size=1024)', 1072, 16],
    ['560 MiB (--max-old-space-size=512)', 560, 8],
    ['exactly 128 MiB', 128, 2],
    ['4,144 MiB (Node\'s own limit on a large machine)', 4144, 64],
    ['100 GiB', 100 * 1024, 64],
    ['10 MiB', 10, 1],
  ])('auto with a heap limit of %s', (_name, mib, turns) => expect(largeAnswerTurns('auto', mib * MiB)).toBe(turns));

  test('the API as demo.sh and the Dockerfile start it (a 1 GB old space) gets 16', () => {
    const limit = Number(execFileSync(process.execPath, [...SERVE_NODE_FLAGS, '-e', 'process.stdout.write(String(require("v8").getHeapStatistics().heap_size_limit))']).toString());
    expect(largeAnswerTurns('auto', limit)).toBe(16);
  });
});
