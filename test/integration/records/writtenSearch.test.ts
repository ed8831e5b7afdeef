import type { Express } from 'express';
import { anonymous } from '../../../src/auth/access';
import type { Deps } from '../../../src/execute/deps';
import { aliasTargets } from '../../../src/execute/versionedIndex';
import { ParamReader } from '../../../src/dialects/shared/paramReader';
import { readQueryString } from '../../../src/dialects/shared/rawParams';
import { recordsSearchParams } from '../../../src/dialects/ods-v1/recordsSearchParams';
import type { RecordHit } from '../../../src/model/searchResult';
import { recordsAlias } from '../../../src/schema/indexNames';
import { runRecordsSearch } from '../../../src/usecases/runRecordsSearch';
import { ensureFixture } from '../../support/ingestFixture';
import { testApp } from '../../support/recordsApp';
import { sentText } from '../../support/sentText';
import { openTestDeps } from '../../support/testDeps';
import { publishTinyCsv } from '../../support/tinyDataset';

let deps: Deps & { close(): Promise<void> };
let app: Express;
beforeAll(async () => {
  deps = await openTestDeps();
  for (const id of ['lieux-de-tournage-a-paris', 'communes-france']) await ensureFixture(deps, id);
  app = testApp(deps, 700);
}, 900000);
afterAll(() => deps.close());

interface Page { nhits: number; parameters: Record<string, unknown>; records: Array<{ recordid: string; fields: Record<string, unknown> }>; facet_groups?: unknown }
const search = (query: string): Promise<string> => sentText(app, `/api/records/1.0/search?${query}`);
/** The page's records as runRecordsSearch reads them for compact JSON: written (their bytes) or from `_source`. */
const reading = async (query: string): Promise<'written' | 'records'> => {
  const { result } = await runRecordsSearch(deps, anonymous('default'), recordsSearchParams(new ParamReader(readQueryString(query))), Date.now(), 200, 'written');
  return result.written ? 'written' : 'records';
};
const withoutEcho = ({ parameters, ...page }: Page): Omit<Page, 'parameters'> => { expect(parameters).toBeDefined(); return page; };

const LIEUX = [
  'q=rue&facet=type_tournage&facet=annee_tournage&refine.type_tournage=S%C3%A9rie%20TV&disjunctive.type_tournage=true&geofilter.distance=48.8566,2.3522,3000&rows=100',
  'facet=date_debut&refine.date_debut=2019&rows=10&start=20',
  'q=annee_tournage>=2019&sort=-date_debut&geofilter.polygon=(48.88,2.30),(48.88,2.40),(48.84,2.40),(48.84,2.30)&rows=50',
  'q=aucun_resultat_zzz&rows=10',
  'rows=0&facet=ardt_lieu',
];

describe('records search pages sent from each record as its index keeps it written', () => {
  // `Etc/UTC` shows instants as `UTC` does, but is not the zone records are kept written in: the
  // same page is then written from each record's `_source`, as before records were kept written.
  test.each([
    ...LIEUX.map((q) => ['lieux-de-tournage-a-paris', q]),
    ['communes-france', 'q=saint&rows=40&sort=population'],
  ])('%s, %s: the same page as from _source', async (id, q) => {
    const query = `dataset=${id}&${q}`;
    expect(await reading(query)).toBe('written');
    expect(await reading(`${query}&timezone=Etc/UTC`)).toBe('records');
    const written = JSON.parse(await search(query)) as Page, built = JSON.parse(await search(`${query}&timezone=Etc/UTC`)) as Page;
    expect(withoutEcho(written)).toEqual(withoutEcho(built));
    expect(written.parameters).toEqual({ ...built.parameters, timezone: 'UTC' });
  });

  test('JSONP wraps the same page; indented pages, chosen fields and other zones are built from _source', async () => {
    const query = 'dataset=lieux-de-tournage-a-paris&q=rue&rows=20&sort=-date_debut';
    const jsonp = await search(`${query}&format=jsonp&callback=cb`);
    expect(jsonp.startsWith('/**/cb(') && jsonp.endsWith(');')).toBe(true);
    expect(withoutEcho(JSON.parse(jsonp.slice('/**/cb('.length, -2)) as Page)).toEqual(withoutEcho(JSON.parse(await search(query)) as Page));
    expect(await reading(`${query}&fields=id_lieu`)).toBe('records');
    expect(await reading(`${query}&timezone=Europe/Paris`)).toBe('records');
    expect(JSON.parse(await search(`${query}&pretty_print=true`))).toEqual(JSON.parse(await search(query)));
  });

  // testApp reads a page of more than 200 records (PAGE_PIECE_ROWS) in pieces of 200, from one snapshot.
  test.each([
    ['lieux-de-tournage-a-paris', 'q=rue&sort=-date_debut&rows=450&facet=type_tournage'],
    ['communes-france', 'q=saint&sort=nom&rows=430'],
  ])('%s, %s: a page read in pieces sends each piece from the records\' bytes; the same page as from _source', async (id, q) => {
    const query = `dataset=${id}&${q}`;
    const { result, more, moreWritten } = await runRecordsSearch(deps, anonymous('default'), recordsSearchParams(new ParamReader(readQueryString(query))), Date.now(), 200, 'written');
    await moreWritten?.release();
    expect([result.written?.length, moreWritten !== undefined, more]).toEqual([200, true, undefined]);
    const written = JSON.parse(await search(query)) as Page, built = JSON.parse(await search(`${query}&timezone=Etc/UTC`)) as Page;
    expect(written.records).toHaveLength(Math.min(Number(/rows=(\d+)/.exec(q)![1]), written.nhits));
    expect(written.nhits).toBeGreaterThan(400);
    expect(withoutEcho(written)).toEqual(withoutEcho(built));
    const jsonp = await search(`${query}&format=jsonp&callback=cb`);
    expect(jsonp.startsWith('/**/cb(') && jsonp.endsWith(');')).toBe(true);
    expect(withoutEcho(JSON.parse(jsonp.slice('/**/cb('.length, -2)) as Page)).toEqual(withoutEcho(written));
  });

  test.each([
    ['communes-france', 'q=saint&sort=nom&rows=40'],
    ['communes-france', 'q=saint&sort=nom&rows=430'],
    ['lieux-de-tournage-a-paris', 'q=rue&sort=-date_debut&rows=100'],
    ['lieux-de-tournage-a-paris', 'q=rue&sort=-date_debut&rows=450'],
  ])('%s, %s: GeoJSON features cut from the written records, whole or in pieces; the same bytes as from _source', async (id, q) => {
    const query = `dataset=${id}&${q}&format=geojson`;
    expect(await reading(query)).toBe('written');
    const written = await search(query);
    expect(written).toBe(await search(`${query}&timezone=Etc/UTC`));
    expect((JSON.parse(written) as { features: unknown[] }).features).toHaveLength(Number(/rows=(\d+)/.exec(q)![1]));
    expect(await search(`dataset=${id}&${q}&format=geojsonp&callback=cb`)).toBe(`/**/cb(${written});`);
  });

  test('a page holding a record indexed without its written JSON (an older index) is searched again from _source', async () => {
    const id = 'written-search-older';
    await publishTinyCsv(deps, id, [{ name: 'nom', type: 'text' }, { name: 'n', type: 'int' }], [['Ève', '1'], ['b "2"', '2'], ['c', '3']]);
    // ODS's `sort=n` is descending.
    const query = `dataset=${id}&sort=n&rows=10`;
    const before = await search(query);
    expect((JSON.parse(before) as Page).records.map((r) => r.fields)).toEqual([{ nom: 'c', n: 3 }, { nom: 'b "2"', n: 2 }, { nom: 'Ève', n: 1 }]);
    expect(await reading(query)).toBe('written');
    // One document written again from its `_source`, as an index of the format before kept it: no `written`.
    const [index] = await aliasTargets(deps.es, recordsAlias(deps.indexPrefix, id));
    const hit = (await deps.es.search<RecordHit>({ index, size: 1, query: { term: { recordid: (JSON.parse(before) as Page).records[1].recordid } } })).hits.hits[0];
    await deps.es.index({ index, id: hit._id, document: { ...hit._source, v: { n: 2 } }, refresh: true });
    expect(await reading(query)).toBe('records');
    expect(await search(query)).toBe(before);
  });
});
