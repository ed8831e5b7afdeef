import { parse as parseCsv } from 'csv-parse/sync';
import type { Express } from 'express';
import request from 'supertest';
import type { Deps } from '../../../src/execute/deps';
import { testApp } from '../../support/recordsApp';
import { flat, odsSearch, queryString } from '../../support/searchRequest';
import { openTestDeps } from '../../support/testDeps';
import { publishTinyCsv } from '../../support/tinyDataset';

/**
 * Issue 13 item 4: before 11 March 1911 Paris kept local mean time, UTC+0:09:21 (561 s, the tz
 * database's `Zone Europe/Paris 0:09:21 - LMT 1891 Mar 16` then `0:09:21 - PMT 1911 Mar 11`).
 * An instant shown in that zone must carry the whole offset, seconds included.
 */
const PARIS_LMT_SECONDS = 561;
const INSTANTS: Array<[number, string]> = [
  [1, '1700-01-01T00:09:49Z'],
  [2, '1699-12-31T23:55:00Z'],
  [3, '1700-01-01T23:52:00Z'],
  [4, '1700-01-01T23:49:00Z'],
  [5, '2024-07-01T12:00:00Z'],
];
const DATASET = 'lmt-instants';

/** The test's own rendering: the wall time of `iso` at a fixed offset, then `+HH:MM[:SS]` (seconds only when there are some). */
function atOffset(iso: string, offsetSeconds: number): string {
  const wall = new Date(Date.parse(iso) + offsetSeconds * 1000).toISOString().slice(0, 19);
  const two = (n: number) => String(n).padStart(2, '0');
  const a = Math.abs(offsetSeconds);
  const hms = [two(Math.floor(a / 3600)), two(Math.floor(a / 60) % 60), ...(a % 60 ? [two(a % 60)] : [])].join(':');
  return `${wall}${offsetSeconds < 0 ? '-' : '+'}${hms}`;
}
/** Paris's offset at an instant: LMT before 1911, summer time (+2:00) on 1 July 2024. */
const parisOffset = (iso: string): number => (iso < '1911' ? PARIS_LMT_SECONDS : 7200);
const expectedParis = new Map(INSTANTS.map(([n, iso]) => [n, atOffset(iso, parisOffset(iso))]));

let deps: Deps & { close(): Promise<void> };
let app: Express;

beforeAll(async () => {
  deps = await openTestDeps();
  await publishTinyCsv(deps, DATASET, [{ name: 'n', type: 'int' }, { name: 'quand', type: 'datetime', annotations: [{ name: 'facet' }] }], INSTANTS.map(([n, iso]) => [String(n), iso]));
  app = testApp(deps);
}, 600000);
afterAll(() => deps.close());

test('the oracle: 1700-01-01T00:09:49Z is 00:19:10 in Paris, at +00:09:21', () => {
  expect(expectedParis.get(1)).toBe('1700-01-01T00:19:10+00:09:21');
  expect(expectedParis.get(5)).toBe('2024-07-01T14:00:00+02:00');
});

test('JSON records: the datetime and its offset with seconds', async () => {
  const body = await odsSearch(app, { dataset: DATASET, rows: 10, sort: '-n', timezone: 'Europe/Paris' });
  const got = (body.records as unknown as Array<{ fields: { n: number; quand: string } }>).map((r) => [r.fields.n, r.fields.quand]);
  expect(got).toEqual(INSTANTS.map(([n]) => [n, expectedParis.get(n)]));
  // What the text says is the instant that was published.
  for (const [n, quand] of got as Array<[number, string]>) {
    const [, offset] = /([+-]\d\d:\d\d(?::\d\d)?)$/.exec(quand)!;
    const [h, m, s = '0'] = offset.slice(1).split(':');
    const seconds = (offset[0] === '-' ? -1 : 1) * (Number(h) * 3600 + Number(m) * 60 + Number(s));
    expect(Date.parse(`${quand.slice(0, 19)}Z`) - seconds * 1000).toBe(Date.parse(INSTANTS.find(([k]) => k === n)![1]));
  }
});

test('CSV, from the search and from the download: the same text', async () => {
  for (const path of ['/api/records/1.0/search', '/api/records/1.0/download']) {
    const res = await request(app).get(`${path}?${queryString({ dataset: DATASET, rows: 10, sort: '-n', format: 'csv', timezone: 'Europe/Paris' })}`);
    expect([path, res.status]).toEqual([path, 200]);
    const rows = parseCsv(res.text, { delimiter: ';', columns: true, bom: true }) as Array<{ n: string; quand: string }>;
    expect([path, rows.map((r) => [Number(r.n), r.quand]).sort((a, b) => Number(a[0]) - Number(b[0]))])
      .toEqual([path, INSTANTS.map(([n]) => [n, expectedParis.get(n)])]);
  }
});

test('date facet: days are Paris days at +00:09:21, and each day selects its records', async () => {
  // The day of each instant at its Paris offset, counted by the test.
  const days = new Map<string, number[]>();
  for (const [n] of INSTANTS.slice(0, 4)) {
    const day = expectedParis.get(n)!.slice(0, 10).replace(/-/g, '/');
    days.set(day, [...(days.get(day) ?? []), n]);
  }
  expect([...days.keys()].sort()).toEqual(['1700/01/01', '1700/01/02']);
  const month = await odsSearch(app, { dataset: DATASET, rows: 0, facet: 'quand', 'refine.quand': '1700/01', timezone: 'Europe/Paris' });
  const level = flat(month.facet_groups![0].facets[0].facets![0].facets);
  expect(level.map(({ path, count }) => [path, count])).toEqual([...days.entries()].sort().map(([d, ns]) => [d, ns.length]));
  for (const [day, ns] of days) {
    const one = await odsSearch(app, { dataset: DATASET, rows: 10, 'refine.quand': day, timezone: 'Europe/Paris' });
    expect([day, (one.records as unknown as Array<{ fields: { n: number } }>).map((r) => r.fields.n).sort()]).toEqual([day, [...ns].sort()]);
  }
});

test('the text written back in a query names the same instant (its second)', async () => {
  for (const [n] of INSTANTS) {
    const q = `quand:"${expectedParis.get(n)}"`;
    const body = await odsSearch(app, { dataset: DATASET, rows: 10, q, timezone: 'Europe/Paris' });
    expect([q, (body.records as unknown as Array<{ fields: { n: number } }>).map((r) => r.fields.n)]).toEqual([q, [n]]);
  }
});
