import type { Express } from 'express';
import request from 'supertest';
import type { Deps } from '../../../src/execute/deps';
import { ensureFixture } from '../../support/ingestFixture';
import { rawCsvObjects } from '../../support/rawFixtures';
import { testApp } from '../../support/recordsApp';
import { queryString } from '../../support/searchRequest';
import { openTestDeps } from '../../support/testDeps';
import { publishTinyCsv } from '../../support/tinyDataset';

const LIEUX = 'lieux-de-tournage-a-paris';
let deps: Deps & { close(): Promise<void> };
let app: Express;
beforeAll(async () => {
  deps = await openTestDeps();
  await ensureFixture(deps, LIEUX);
  app = testApp(deps);
}, 600000);
afterAll(() => deps.close());

const raw = rawCsvObjects('lieux-de-tournage-a-paris.csv').map((r) => ({
  year: Number(r['Année du tournage']), start: r['Date de début'], type: r['Type de tournage'], x: Number(r['Coordonnée en X']), y: Number(r['Coordonnée en Y']),
}));
const analyze = async (params: Record<string, string | number | string[]>) => {
  const res = await request(app).get(`/api/records/1.0/analyze?${queryString({ dataset: LIEUX, ...params })}`);
  if (res.status !== 200) throw new Error(`${res.status} ${res.text}`);
  return res.body as Array<Record<string, unknown>>;
};
const get = (dataset: string, params: Record<string, string | number | string[]>) => request(app).get(`/api/records/1.0/analyze?${queryString({ dataset, ...params })}`);
const close = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));

/** Expected points: group the raw rows, compute each series. */
function grouped<K>(key: (r: (typeof raw)[number]) => K, series: Record<string, (rows: typeof raw) => number>): Array<{ x: K } & Record<string, number>> {
  const groups = new Map<string, { x: K; rows: typeof raw }>();
  for (const r of raw) {
    const x = key(r);
    const k = JSON.stringify(x);
    if (!groups.has(k)) groups.set(k, { x, rows: [] });
    groups.get(k)!.rows.push(r);
  }
  return [...groups.values()].map((g) => ({ x: g.x, ...Object.fromEntries(Object.entries(series).map(([n, f]) => [n, f(g.rows)])) })) as Array<{ x: K } & Record<string, number>>;
}
const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);

describe('analyze, against the raw file', () => {
  test('COUNT, AVG and SUM by annee_tournage', async () => {
    const got = await analyze({ x: 'annee_tournage', 'y.n.func': 'COUNT', 'y.avgx.func': 'AVG', 'y.avgx.expr': 'coord_x', 'y.sumy.func': 'SUM', 'y.sumy.expr': 'coord_y' });
    const want = grouped((r) => r.year, { n: (rs) => rs.length, avgx: (rs) => sum(rs.map((r) => r.x)) / rs.length, sumy: (rs) => sum(rs.map((r) => r.y)) }).sort((a, b) => a.x - b.x);
    expect(got.map((p) => [p.x, p.n])).toEqual(want.map((p) => [p.x, p.n]));
    got.forEach((p, i) => { expect(close(p.avgx as number, want[i].avgx) && close(p.sumy as number, want[i].sumy)).toBe(true); });
  });

  test('date_debut by month of the year (periodic=month) and by month (precision=month)', async () => {
    const periodic = await analyze({ x: 'date_debut', periodic: 'month', precision: 'month', 'y.n.func': 'COUNT' });
    const byMonthOfYear = grouped((r) => ({ month: Number(r.start.slice(5, 7)) }), { n: (rs) => rs.length }).sort((a, b) => a.x.month - b.x.month);
    expect(periodic).toEqual(byMonthOfYear);
    const monthly = await analyze({ x: 'date_debut', precision: 'month', 'y.n.func': 'COUNT' });
    const byMonth = grouped((r) => ({ year: Number(r.start.slice(0, 4)), month: Number(r.start.slice(5, 7)) }), { n: (rs) => rs.length })
      .sort((a, b) => a.x.year - b.x.year || a.x.month - b.x.month);
    expect(monthly).toEqual(byMonth);
    const weekdays = await analyze({ x: 'date_debut', periodic: 'weekday', 'y.n.func': 'COUNT', timezone: 'Europe/Paris' });
    const byWeekday = grouped((r) => ({ weekday: (new Date(`${r.start}T00:00:00Z`).getUTCDay() + 6) % 7 }), { n: (rs) => rs.length }).sort((a, b) => a.x.weekday - b.x.weekday);
    expect(weekdays).toEqual(byWeekday);
  });

  test('an expression series, cumulative series, sort and maxpoints, and the global aggregate without x', async () => {
    const got = await analyze({ x: 'type_tournage', 'y.e.func': 'AVG', 'y.e.expr': 'sqrt(coord_x * 1000) + coord_y / 2', 'y.c.func': 'COUNT', 'y.c.cumulative': 'true', sort: '-x' });
    const want = grouped((r) => r.type, { e: (rs) => sum(rs.map((r) => Math.sqrt(r.x * 1000) + r.y / 2)) / rs.length, n: (rs) => rs.length })
      .sort((a, b) => (a.x < b.x ? -1 : 1));
    let running = 0;
    const cumulative = want.map((p) => (running += p.n));
    expect(got.map((p) => p.x)).toEqual(want.map((p) => p.x));
    got.forEach((p, i) => { expect([p.x, close(p.e as number, want[i].e), p.c]).toEqual([want[i].x, true, cumulative[i]]); });
    const top = await request(app).get(`/api/records/1.0/analyze?${queryString({ dataset: LIEUX, x: 'type_tournage', 'y.n.func': 'COUNT', sort: 'n', maxpoints: 2 })}`);
    expect(top.body).toEqual(want.map((p) => ({ x: p.x, n: p.n })).sort((a, b) => b.n - a.n).slice(0, 2));
    expect(top.headers['ods-analyze-truncated']).toBe('true');
    // A series whose name starts with an x is that series, not the x axis.
    const named = await request(app).get(`/api/records/1.0/analyze?${queryString({ dataset: LIEUX, x: 'type_tournage', 'y.xn.func': 'COUNT', sort: 'xn', maxpoints: 2 })}`);
    expect(named.body).toEqual(want.map((p) => ({ x: p.x, xn: p.n })).sort((a, b) => b.xn - a.xn).slice(0, 2));
    const global = await analyze({ 'y.n.func': 'COUNT', 'y.m.func': 'MAX', 'y.m.expr': 'annee_tournage', 'refine.type_tournage': 'Série TV' });
    const series = raw.filter((r) => r.type === 'Série TV');
    expect(global).toEqual([{ n: series.length, m: Math.max(...series.map((r) => r.year)) }]);
  });

  test('maxpoints=0 and an empty maxpoints mean no cap, as ods-widgets 2.1.2 sends them', async () => {
    // ods-analysis (src/directives/analysis.js, its controller) sends `maxpoints: odsAnalysisMax || 0`;
    // ods-chart (src/directives/highcharts.js, requestData's buildSearchOptions) sends `maxpoints: query.maxpoints || ''`.
    const want = grouped((r) => r.type, { n: (rs) => rs.length }).sort((a, b) => (a.x < b.x ? -1 : 1));
    expect(want.length).toBeGreaterThan(1);
    for (const maxpoints of ['0', '']) {
      const res = await get(LIEUX, { x: 'type_tournage', 'y.n.func': 'COUNT', maxpoints });
      expect([maxpoints, res.status, res.body, res.headers['ods-analyze-truncated']]).toEqual([maxpoints, 200, want, undefined]);
    }
  });

  test('minute precision over nine years: one point per start day that holds records, not a refusal', async () => {
    const got = await analyze({ x: 'date_debut', precision: 'minute', 'y.n.func': 'COUNT' });
    const days = grouped((r) => r.start, { n: (rs) => rs.length }).sort((a, b) => (a.x < b.x ? -1 : 1));
    expect(got.map((p) => p.n)).toEqual(days.map((d) => d.n));
    expect(got.map((p) => p.x)).toEqual(days.map((d) => ({ year: Number(d.x.slice(0, 4)), month: Number(d.x.slice(5, 7)), day: Number(d.x.slice(8, 10)), hour: 0, minute: 0 })));
  });

  test('date parts as x (`date_debut.year`, `date_debut.month`): one point per part value, months folded across years', async () => {
    const years = grouped((r) => ({ year: Number(r.start.slice(0, 4)) }), { n: (rs) => rs.length }).sort((a, b) => a.x.year - b.x.year);
    expect(await analyze({ x: 'date_debut.year', 'y.n.func': 'COUNT' })).toEqual(years);
    expect(years.length).toBeGreaterThan(5);
    const months = grouped((r) => ({ month: Number(r.start.slice(5, 7)) }), { n: (rs) => rs.length }).sort((a, b) => a.x.month - b.x.month);
    expect(await analyze({ x: 'date_debut.month', 'y.n.func': 'COUNT' })).toEqual(months);
    const yearMonth = grouped((r) => ({ year: Number(r.start.slice(0, 4)), month: Number(r.start.slice(5, 7)) }), { n: (rs) => rs.length })
      .sort((a, b) => a.x.year - b.x.year || a.x.month - b.x.month);
    expect(await analyze({ x: ['date_debut.year', 'date_debut.month'], 'y.n.func': 'COUNT' })).toEqual(yearMonth);
  });

  test('a repeated x groups by every x together, each named in the point\'s x', async () => {
    const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
    const typeYear = grouped((r) => ({ type_tournage: r.type, annee_tournage: r.year }), { n: (rs) => rs.length })
      .sort((a, b) => byText(a.x.type_tournage, b.x.type_tournage) || a.x.annee_tournage - b.x.annee_tournage);
    expect(await analyze({ x: ['type_tournage', 'annee_tournage'], 'y.n.func': 'COUNT' })).toEqual(typeYear);
    const typeStartYear = grouped((r) => ({ type_tournage: r.type, year: Number(r.start.slice(0, 4)) }), { n: (rs) => rs.length, sx: (rs) => sum(rs.map((r) => r.x)) })
      .sort((a, b) => byText(a.x.type_tournage, b.x.type_tournage) || a.x.year - b.x.year);
    const got = await analyze({ x: ['type_tournage', 'date_debut.year'], 'y.n.func': 'COUNT', 'y.sx.func': 'SUM', 'y.sx.expr': 'coord_x' });
    expect(got.map((p) => [p.x, p.n])).toEqual(typeStartYear.map((p) => [p.x, p.n]));
    got.forEach((p, i) => { expect(close(p.sx as number, typeStartYear[i].sx)).toBe(true); });
  });

  test('format=csv: a column per x part, then per series, CRLF lines; format=jsonp wraps the JSON points in the callback', async () => {
    const yearMonth = grouped((r) => ({ year: Number(r.start.slice(0, 4)), month: Number(r.start.slice(5, 7)) }), { n: (rs) => rs.length })
      .sort((a, b) => a.x.year - b.x.year || a.x.month - b.x.month);
    const csv = await request(app).get(`/api/records/1.0/analyze?${queryString({ dataset: LIEUX, x: ['date_debut.year', 'date_debut.month'], 'y.n.func': 'COUNT', format: 'csv' })}`);
    expect([csv.status, csv.headers['content-type']]).toEqual([200, 'text/csv; charset=utf-8']);
    expect(csv.text).toBe(['year;month;n', ...yearMonth.map((p) => `${p.x.year};${p.x.month};${p.n}`)].map((l) => `${l}\r\n`).join(''));
    const types = grouped((r) => r.type, { n: (rs) => rs.length }).sort((a, b) => (a.x < b.x ? -1 : 1));
    const comma = await request(app).get(`/api/records/1.0/analyze?${queryString({ dataset: LIEUX, x: 'type_tournage', 'y.n.func': 'COUNT', format: 'csv', csv_separator: ',' })}`);
    expect(comma.text).toBe(['x,n', ...types.map((p) => `${p.x},${p.n}`)].map((l) => `${l}\r\n`).join(''));
    const jsonp = await request(app).get(`/api/records/1.0/analyze?${queryString({ dataset: LIEUX, x: 'date_debut.year', 'y.n.func': 'COUNT', format: 'jsonp', callback: 'draw' })}`);
    expect([jsonp.status, jsonp.headers['content-type'], jsonp.text.slice(0, 9), jsonp.text.slice(-2)]).toEqual([200, 'text/javascript; charset=utf-8', '/**/draw(', ');']);
    const years = grouped((r) => ({ year: Number(r.start.slice(0, 4)) }), { n: (rs) => rs.length }).sort((a, b) => a.x.year - b.x.year);
    expect(JSON.parse(jsonp.text.slice(9, -2))).toEqual(years);
    const noCallback = await request(app).get(`/api/records/1.0/analyze?${queryString({ dataset: LIEUX, 'y.n.func': 'COUNT', format: 'jsonp' })}`);
    expect([noCallback.status, noCallback.body.parameter]).toEqual([400, 'callback']);
  });

  test.each([
    ['an unknown func', { x: 'annee_tournage', 'y.s.func': 'MEDIAN', 'y.s.expr': 'coord_x' }, 'y.s.func'],
    ['java.lang.Runtime in an expression', { 'y.s.func': 'SUM', 'y.s.expr': 'java.lang.Runtime.getRuntime()' }, 'y.s.expr'],
    ["doc['x']", { 'y.s.func': 'SUM', 'y.s.expr': "doc['coord_x'].value" }, 'y.s.expr'],
    ['an unknown function', { 'y.s.func': 'SUM', 'y.s.expr': 'random()' }, 'y.s.expr'],
    ['an unknown field', { 'y.s.func': 'SUM', 'y.s.expr': 'nope * 2' }, 'y.s.expr'],
    ['a text field', { 'y.s.func': 'SUM', 'y.s.expr': 'nom_tournage' }, 'y.s.expr'],
    ['10,000 nested parentheses', { 'y.s.func': 'SUM', 'y.s.expr': `${'('.repeat(200)}coord_x${')'.repeat(200)}` }, 'y.s.expr'],
    ['a missing expr', { 'y.s.func': 'AVG' }, 'y.s.expr'],
    ['an unknown x', { x: 'nope', 'y.n.func': 'COUNT' }, 'x'],
  ])('%s is a 400 naming the parameter', async (_name, params, parameter) => {
    const res = await request(app).get(`/api/records/1.0/analyze?${queryString({ dataset: LIEUX, ...params })}`);
    expect([res.status, res.body.parameter, typeof res.body.error]).toEqual([400, parameter, 'string']);
  });
});

/** Dates over four centuries, `distinctDays` of them (one per ~8 years), jittered by a fixed Lehmer sequence; record i is on day 17·i mod distinctDays. */
function centuriesRows(records: number, distinctDays: number): string[][] {
  let seed = 20261202;
  const next = (n: number): number => { seed = (seed * 48271) % 2147483647; return seed % n; };
  const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
  const days = Array.from({ length: distinctDays }, (_, k) => `${1620 + Math.floor((k * 400) / distinctDays) + next(8)}-${pad(1 + next(12))}-${pad(1 + next(28))}`);
  return Array.from({ length: records }, (_, i) => [days[(i * 17) % distinctDays], String(i)]);
}

describe('the bucket limit counts the buckets that hold records, not the span', () => {
  const CENTURIES = 'analyze-centuries';
  const MANY = 'analyze-many-buckets';
  // 176 records on 49 days spread over 400 years: about 146,000 days from the first to the last.
  const centuries = centuriesRows(176, 49);
  // Multivalued cells: one record falls in every combination of its values (Elasticsearch's composite aggregation).
  const values = (prefix: string, n: number): string[] => Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(3, '0')}`);
  const [A, B, C] = [values('a', 100), values('b', 100), values('c', 11)];
  const many = Array.from({ length: 11 }, (_, k) => [`2024-01-01T00:${String(k).padStart(2, '0')}:00Z`, String(k), A.join(';'), B.join(';'), C.join(';')]);
  const MAX_BUCKETS = 100_000; // README: "once more than 100,000 buckets have been read the answer is a 400"

  beforeAll(async () => {
    await publishTinyCsv(deps, CENTURIES, [{ name: 'jour', type: 'date' }, { name: 'k', type: 'int' }], centuries);
    const multi = [{ name: 'multivalued', args: [';'] }];
    await publishTinyCsv(deps, MANY, [
      { name: 't', type: 'datetime' }, { name: 'k', type: 'int' },
      { name: 'a', type: 'text', annotations: multi }, { name: 'b', type: 'text', annotations: multi }, { name: 'c', type: 'text', annotations: multi },
    ], many);
  }, 600000);

  test('176 records over 400 years by day (the default precision) and by minute: one point per day that holds records', async () => {
    const byDay = new Map<string, number>();
    for (const [day] of centuries) byDay.set(day, (byDay.get(day) ?? 0) + 1);
    const first = [...byDay.keys()].sort()[0], last = [...byDay.keys()].sort().at(-1)!;
    expect((Date.parse(last) - Date.parse(first)) / 86_400_000).toBeGreaterThan(MAX_BUCKETS);
    const want = [...byDay].sort(([a], [b]) => (a < b ? -1 : 1)).map(([d, n]) => ({ x: { year: Number(d.slice(0, 4)), month: Number(d.slice(5, 7)), day: Number(d.slice(8, 10)) }, n }));
    expect(want.length).toBe(49);
    const daily = await get(CENTURIES, { x: 'jour', 'y.n.func': 'COUNT' });
    expect([daily.status, daily.body]).toEqual([200, want]);
    const minutes = await get(CENTURIES, { x: 'jour', precision: 'minute', 'y.n.func': 'COUNT' });
    expect([minutes.status, minutes.body]).toEqual([200, want.map((p) => ({ ...p, x: { ...p.x, hour: 0, minute: 0 } }))]);
  });

  test('exactly the limit is answered; past it, a 400 naming precision (with a date x) or x', async () => {
    // Under the filter k < 10: 10 minutes × 100 values of a × 100 of b, every combination held by a record.
    const atLimit = many.filter((r) => Number(r[1]) < 10);
    expect(atLimit.length * A.length * B.length).toBe(MAX_BUCKETS);
    const full = await get(MANY, { x: ['t', 'a', 'b'], precision: 'minute', 'y.n.func': 'COUNT', q: 'k < 10', timezone: 'UTC' });
    expect([full.status, full.body.length, full.headers['ods-analyze-truncated']]).toEqual([200, MAX_BUCKETS, undefined]);
    expect(full.body[MAX_BUCKETS - 1]).toEqual({ x: { year: 2024, month: 1, day: 1, hour: 0, minute: 9, a: A.at(-1), b: B.at(-1) }, n: 1 });
    // Without the filter: 11 × 100 × 100 buckets; and a, b, c: 100 × 100 × 11.
    expect([many.length * A.length * B.length, A.length * B.length * C.length].every((n) => n > MAX_BUCKETS)).toBe(true);
    const overDates = await get(MANY, { x: ['t', 'a', 'b'], precision: 'minute', 'y.n.func': 'COUNT' });
    expect([overDates.status, overDates.body.parameter, typeof overDates.body.error]).toEqual([400, 'precision', 'string']);
    const overValues = await get(MANY, { x: ['a', 'b', 'c'], 'y.n.func': 'COUNT' });
    expect([overValues.status, overValues.body.parameter, typeof overValues.body.error]).toEqual([400, 'x', 'string']);
  });
});
