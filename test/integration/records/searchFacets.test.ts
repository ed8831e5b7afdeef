import type { Express } from 'express';
import type { Deps } from '../../../src/execute/deps';
import { ensureFixture } from '../../support/ingestFixture';
import { rawCsvObjects } from '../../support/rawFixtures';
import { testApp } from '../../support/recordsApp';
import { byBytes, countBy, expectedLevel, flat, odsSearch } from '../../support/searchRequest';
import { openTestDeps } from '../../support/testDeps';
import { publishTinyCsv } from '../../support/tinyDataset';

const DATASET = 'lieux-de-tournage-a-paris';
let deps: Deps & { close(): Promise<void> };
let app: Express;
beforeAll(async () => {
  deps = await openTestDeps();
  await ensureFixture(deps, DATASET);
  await publishTinyCsv(deps, 'facetsort-lengths', [{ name: 'n', type: 'int', annotations: [{ name: 'facet' }] }, { name: 'code', type: 'text', annotations: [{ name: 'facet' }] }],
    LENGTHS.map(([n, code]) => [String(n), code]));
  await publishTinyCsv(deps, 'dst-facets', [{ name: 'quand', type: 'datetime', annotations: [{ name: 'facet' }] }], INSTANTS.map((i) => [i]));
  app = testApp(deps);
}, 600000);
afterAll(() => deps.close());

type Row = Record<string, string>;
const raw: Row[] = rawCsvObjects('lieux-de-tournage-a-paris.csv');
const TYPE = 'Type de tournage', YEAR = 'Année du tournage', CP = 'Code postal', START = 'Date de début';
const search = (params: Record<string, string | number | string[]>) => odsSearch(app, { dataset: DATASET, rows: 0, ...params });
const count = (keep: (r: Row) => boolean): number => raw.filter(keep).length;

/** Numbers and numeric-looking codes of different lengths, so that numeric and text orders differ. */
const LENGTHS: Array<[number, string]> = [[5, '9'], [12, '10'], [12, '100'], [12, '9'], [40, 'b10'], [40, '10'], [300, '2'], [1000, 'b9'], [1000, '100'], [7, '2'], [7, '20']];

describe('nhits for refine, exclude and disjunctive combinations', () => {
  test.each([
    ['one refine', { 'refine.type_tournage': 'Série TV' }, (r: Row) => r[TYPE] === 'Série TV'],
    ['two refines on one facet are ANDed', { 'refine.type_tournage': ['Série TV', 'Téléfilm'] }, () => false],
    ['disjunctive: ORed', { 'refine.type_tournage': ['Série TV', 'Téléfilm'], 'disjunctive.type_tournage': 'true' }, (r: Row) => ['Série TV', 'Téléfilm'].includes(r[TYPE])],
    ['exclude', { 'exclude.type_tournage': 'Long métrage' }, (r: Row) => r[TYPE] !== 'Long métrage'],
    ['two excludes remove either', { 'exclude.ardt_lieu': ['75013', '75018'] }, (r: Row) => !['75013', '75018'].includes(r[CP])],
    ['refines on two facets and an exclude', { 'refine.annee_tournage': '2019', 'refine.type_tournage': 'Série TV', 'exclude.ardt_lieu': '75013' },
      (r: Row) => r[YEAR] === '2019' && r[TYPE] === 'Série TV' && r[CP] !== '75013'],
    ['a date refine is its whole period; an exclude removes a whole subtree', { 'refine.date_debut': '2019', 'exclude.date_debut': '2019/06' },
      (r: Row) => r[START].startsWith('2019-') && !r[START].startsWith('2019-06')],
    ['a day refine', { 'refine.date_debut': '2019/06/21' }, (r: Row) => r[START] === '2019-06-21'],
  ])('%s', async (_name, params, keep) => {
    expect((await search(params)).nhits).toBe(count(keep));
  });
});

describe('facet bucket counts against the raw file', () => {
  test('three flat facets, in order count desc then value', async () => {
    const body = await search({ facet: ['type_tournage', 'ardt_lieu', 'annee_tournage'] });
    expect(body.facet_groups!.map((g) => g.name)).toEqual(['type_tournage', 'ardt_lieu', 'annee_tournage']);
    expect(flat(body.facet_groups![0].facets)).toEqual(expectedLevel(countBy(raw, (r) => r[TYPE])));
    expect(flat(body.facet_groups![1].facets)).toEqual(expectedLevel(countBy(raw, (r) => r[CP])));
    expect(flat(body.facet_groups![2].facets)).toEqual(expectedLevel(countBy(raw, (r) => r[YEAR])));
  });

  test.each(['UTC', 'Europe/Paris'])('date_debut, in %s: years; refined to a year, its months; to a month, its days', async (timezone) => {
    const years = await search({ facet: 'date_debut', timezone });
    expect(flat(years.facet_groups![0].facets)).toEqual(expectedLevel(countBy(raw, (r) => r[START].slice(0, 4))));
    expect(years.facet_groups![0].facets.every((f) => f.facets === undefined)).toBe(true);

    const inYear = raw.filter((r) => r[START].startsWith('2019-'));
    const year = await search({ facet: 'date_debut', 'refine.date_debut': '2019', timezone });
    expect(flat(year.facet_groups![0].facets)).toEqual([{ name: '2019', path: '2019', count: inYear.length, state: 'refined' }]);
    expect(flat(year.facet_groups![0].facets[0].facets)).toEqual(expectedLevel(countBy(inYear, (r) => `2019/${r[START].slice(5, 7)}`)));

    const inMonth = raw.filter((r) => r[START].startsWith('2019-06-'));
    const month = await search({ facet: 'date_debut', 'refine.date_debut': '2019/06', timezone });
    const y = month.facet_groups![0].facets[0];
    expect([y.path, y.state, y.count, y.facets!.length]).toEqual(['2019', 'refined', inMonth.length, 1]);
    expect(flat(y.facets)).toEqual([{ name: '06', path: '2019/06', count: inMonth.length, state: 'refined' }]);
    expect(flat(y.facets![0].facets)).toEqual(expectedLevel(countBy(inMonth, (r) => `2019/06/${r[START].slice(8, 10)}`)));
  });

  test('a disjunctive facet counts without its own refines; the others with every filter', async () => {
    const body = await search({
      facet: ['type_tournage', 'annee_tournage'], 'refine.type_tournage': 'Série TV', 'disjunctive.type_tournage': 'true', 'refine.annee_tournage': '2019',
    });
    const of2019 = raw.filter((r) => r[YEAR] === '2019');
    expect(body.nhits).toBe(of2019.filter((r) => r[TYPE] === 'Série TV').length);
    expect(flat(body.facet_groups![0].facets)).toEqual(expectedLevel(countBy(of2019, (r) => r[TYPE]), (p) => (p === 'Série TV' ? 'refined' : 'displayed')));
    expect(flat(body.facet_groups![1].facets)).toEqual([{ name: '2019', path: '2019', count: body.nhits, state: 'refined' }]);
  });

  test('filters every facet shares (a refine on a field without a facet, a plain refine) and those it does not (disjunctive, excluded values) give the same counts', async () => {
    const body = await search({
      facet: ['type_tournage', 'annee_tournage', 'ardt_lieu'],
      'refine.date_debut': '2019', 'refine.annee_tournage': '2019',
      'refine.type_tournage': ['Série TV', 'Téléfilm'], 'disjunctive.type_tournage': 'true',
      'exclude.ardt_lieu': '75013',
    });
    const shared = raw.filter((r) => r[START].startsWith('2019-') && r[YEAR] === '2019');
    const ofTypes = (r: Row) => ['Série TV', 'Téléfilm'].includes(r[TYPE]);
    expect(body.nhits).toBe(shared.filter((r) => ofTypes(r) && r[CP] !== '75013').length);
    const refinedTypes = (p: string) => (['Série TV', 'Téléfilm'].includes(p) ? 'refined' : 'displayed');
    expect(flat(body.facet_groups![0].facets)).toEqual(expectedLevel(countBy(shared.filter((r) => r[CP] !== '75013'), (r) => r[TYPE]), refinedTypes));
    expect(flat(body.facet_groups![1].facets)).toEqual([{ name: '2019', path: '2019', count: body.nhits, state: 'refined' }]);
    const arrondissements = expectedLevel(countBy(shared.filter(ofTypes), (r) => r[CP]), (p) => (p === '75013' ? 'excluded' : 'displayed'));
    expect(flat(body.facet_groups![2].facets)).toEqual(arrondissements);
  });

  test('an excluded value stays listed, state excluded, with the count it would have', async () => {
    const body = await search({ facet: 'type_tournage', 'exclude.type_tournage': 'Téléfilm' });
    const expected = expectedLevel(countBy(raw, (r) => r[TYPE]), (p) => (p === 'Téléfilm' ? 'excluded' : 'displayed'));
    expect(flat(body.facet_groups![0].facets)).toEqual(expected);
  });

  test('facetsort orders every way', async () => {
    const names = async (sort: string) => (await search({ facet: 'type_tournage', 'facetsort.type_tournage': sort })).facet_groups![0].facets.map((f) => f.name);
    const counts = countBy(raw, (r) => r[TYPE]);
    const byCount = [...counts].sort(([, a], [, b]) => a - b).map(([k]) => k);
    expect(await names('count')).toEqual(byCount);
    expect(await names('-count')).toEqual([...byCount].reverse());
    expect(await names('alphanum')).toEqual([...counts.keys()].sort());
    expect(await names('-alphanum')).toEqual([...counts.keys()].sort().reverse());
    const years = (await search({ facet: 'annee_tournage', 'facetsort.annee_tournage': '-num' })).facet_groups![0].facets.map((f) => f.name);
    expect(years).toEqual([...countBy(raw, (r) => r[YEAR]).keys()].sort().reverse());
  });

  test('num and -num order numbers by value, alphanum and -alphanum text by characters, whatever their length', async () => {
    const names = async (field: string, sort: string) =>
      (await odsSearch(app, { dataset: 'facetsort-lengths', rows: 0, facet: field, [`facetsort.${field}`]: sort })).facet_groups![0].facets.map((f) => f.name);
    const numbers = [...new Set(LENGTHS.map(([n]) => n))].sort((a, b) => a - b).map(String);
    expect(numbers).toEqual(['5', '7', '12', '40', '300', '1000']);
    expect(await names('n', 'num')).toEqual(numbers);
    expect(await names('n', '-num')).toEqual([...numbers].reverse());
    const codes = [...new Set(LENGTHS.map(([, c]) => c))].sort(byBytes);
    expect(codes).toEqual(['10', '100', '2', '20', '9', 'b10', 'b9']);
    expect(await names('code', 'alphanum')).toEqual(codes);
    expect(await names('code', '-alphanum')).toEqual([...codes].reverse());
    const counts = countBy(LENGTHS, ([, c]) => c);
    expect(await names('code', '-count')).toEqual(expectedLevel(counts).map((v) => v.name));
  });

  test('a facet on a non-facet field is an empty group', async () => {
    expect((await search({ facet: 'nom_tournage' })).facet_groups).toEqual([{ name: 'nom_tournage', facets: [] }]);
  });
});

// Instants around the 2024 changes of Europe/Paris (31 March: 02:00 → 03:00; 27 October: 03:00 → 02:00).
const INSTANTS = [
  '2024-03-30T22:30:00Z', '2024-03-30T23:30:00Z', '2024-03-31T00:30:00Z', '2024-03-31T21:59:00Z', '2024-03-31T22:00:00Z',
  '2024-10-26T21:30:00Z', '2024-10-26T22:30:00Z', '2024-10-27T00:30:00Z', '2024-10-27T01:30:00Z', '2024-10-27T22:59:00Z', '2024-10-27T23:00:00Z',
];

describe('datetime facets are bucketed in the request time zone, across daylight-saving changes', () => {
  const dayIn = (iso: string, timeZone: string): string =>
    new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso)).replace(/-/g, '/');

  test.each(['UTC', 'Europe/Paris'])('%s: month → days, and each day path selects its records', async (timezone) => {
    for (const month of ['2024/03', '2024/10']) {
      const body = await odsSearch(app, { dataset: 'dst-facets', rows: 0, facet: 'quand', 'refine.quand': month, timezone });
      const inMonth = INSTANTS.map((i) => dayIn(i, timezone)).filter((d) => d.startsWith(`${month}/`));
      expect(body.nhits).toBe(inMonth.length);
      const days = body.facet_groups![0].facets[0].facets![0].facets!;
      expect(flat(days)).toEqual(expectedLevel(countBy(inMonth, (d) => d)));
      for (const day of days) expect((await odsSearch(app, { dataset: 'dst-facets', rows: 0, 'refine.quand': day.path, timezone })).nhits).toBe(day.count);
    }
  });
});
