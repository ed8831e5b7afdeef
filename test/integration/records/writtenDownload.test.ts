import { parse as parseCsv } from 'csv-parse/sync';
import type { Express } from 'express';
import { anonymous } from '../../../src/auth/access';
import type { Deps } from '../../../src/execute/deps';
import { aliasTargets } from '../../../src/execute/versionedIndex';
import { ParamReader } from '../../../src/dialects/shared/paramReader';
import { readQueryString } from '../../../src/dialects/shared/rawParams';
import { downloadParams } from '../../../src/dialects/ods-v1/downloadParams';
import type { WrittenField } from '../../../src/model/searchResult';
import { recordsAlias } from '../../../src/schema/indexNames';
import { runExport } from '../../../src/usecases/runExport';
import { ensureFixture } from '../../support/ingestFixture';
import { testApp } from '../../support/recordsApp';
import { sentText } from '../../support/sentText';
import { openTestDeps } from '../../support/testDeps';
import { publishTinyCsv } from '../../support/tinyDataset';

let deps: Deps & { close(): Promise<void> };
let app: Express;
const FIXTURES = ['lieux-de-tournage-a-paris', 'communes-france', 'chantiers-perturbants'];
beforeAll(async () => {
  deps = await openTestDeps();
  for (const id of FIXTURES) await ensureFixture(deps, id);
  app = testApp(deps, 700);
}, 900000);
afterAll(() => deps.close());

const download = (query: string): Promise<string> => sentText(app, `/api/records/1.0/download?${query}`);
/** Which way runExport reads a download's records, for a writer that takes them written from `field` (that of json, ndjson, geojson and their JSONP, else csv's). */
const reading = async (query: string, field: WrittenField = 'written_record'): Promise<string> => {
  const { pages } = await runExport(deps, anonymous('default'), downloadParams(new ParamReader(readQueryString(query))), Date.now(), 1000, { written: field });
  const it = 'written' in pages ? pages.written : pages.records;
  await it.return(undefined);
  return 'written' in pages ? 'written' : 'records';
};
const byId = (records: Array<{ recordid: string }>): Array<{ recordid: string }> => [...records].sort((a, b) => (a.recordid < b.recordid ? -1 : 1));

describe('JSON downloads sent from each record as its index keeps it written', () => {
  // `Etc/UTC` shows instants as `UTC` does, but is not the zone records are kept written in: the
  // same download is then written from each record's `_source`, as before records were kept written.
  test.each(FIXTURES)('%s: json and ndjson are the same bytes written or built from _source', async (id) => {
    expect(await reading(`dataset=${id}&format=json`)).toBe('written');
    expect(await reading(`dataset=${id}&format=json&timezone=Etc/UTC`)).toBe('records');
    const [writtenLines, builtLines] = [await download(`dataset=${id}&format=ndjson`), await download(`dataset=${id}&format=ndjson&timezone=Etc/UTC`)]
      .map((text) => text.split('\n').sort());
    expect(writtenLines.length).toBeGreaterThan(150);
    expect(writtenLines).toEqual(builtLines);
    const [written, built] = [await download(`dataset=${id}&format=json`), await download(`dataset=${id}&format=json&timezone=Etc/UTC`)];
    expect(Buffer.byteLength(written)).toBe(Buffer.byteLength(built));
    expect(byId(JSON.parse(written) as Array<{ recordid: string }>)).toEqual(byId(JSON.parse(built) as Array<{ recordid: string }>));
    // Every record object is one of the ndjson lines, with ODS's separators.
    const lines = new Set(writtenLines);
    expect(written.slice(1, -1).split(', {"datasetid": ').every((item, i) => lines.has(i === 0 ? item : `{"datasetid": ${item}`))).toBe(true);
  });

  test.each(FIXTURES)('%s: geojson is the same features written or built from _source', async (id) => {
    expect(await reading(`dataset=${id}&format=geojson`)).toBe('written');
    const head = '{"type": "FeatureCollection", "features": [';
    const start = '{"type": "Feature", ';
    // The features of a body, each as its text, in one order (a scan in any order reads slices side by side).
    const features = (text: string): string[] => {
      expect([text.startsWith(head), text.endsWith(']}')]).toEqual([true, true]);
      return text.slice(head.length + start.length, -2).split(`, ${start}`).sort();
    };
    const [written, built] = [await download(`dataset=${id}&format=geojson`), await download(`dataset=${id}&format=geojson&timezone=Etc/UTC`)];
    expect(Buffer.byteLength(written)).toBe(Buffer.byteLength(built));
    const [writtenFeatures, builtFeatures] = [features(written), features(built)];
    expect(writtenFeatures.length).toBeGreaterThan(150);
    expect(writtenFeatures).toEqual(builtFeatures);
    expect((JSON.parse(written) as { features: unknown[] }).features.length).toBe(writtenFeatures.length);
  });

  test.each(FIXTURES)('%s: csv is the same lines written or built from _source', async (id) => {
    expect(await reading(`dataset=${id}&format=csv`, 'written_csv')).toBe('written');
    expect(await reading(`dataset=${id}&format=csv&timezone=Etc/UTC`, 'written_csv')).toBe('records');
    const [written, built] = [await download(`dataset=${id}&format=csv`), await download(`dataset=${id}&format=csv&timezone=Etc/UTC`)];
    expect(Buffer.byteLength(written)).toBe(Buffer.byteLength(built));
    const rows = (text: string): string[][] => parseCsv(text, { delimiter: ';' }) as string[][];
    const [writtenRows, builtRows] = [rows(written), rows(built)];
    expect(writtenRows.length).toBeGreaterThan(150);
    expect(writtenRows[0]).toEqual(builtRows[0]);
    const byLine = (r: string[][]): string[] => r.slice(1).map((cells) => JSON.stringify(cells)).sort();
    expect(byLine(writtenRows)).toEqual(byLine(builtRows));
  });

  test('csv: only the separator the lines were written with reads them written; the header follows the request', async () => {
    const id = 'lieux-de-tournage-a-paris';
    expect(await reading(`dataset=${id}&format=csv&csv_separator=,`, 'written_csv')).toBe('records');
    expect(await reading(`dataset=${id}&format=csv&timezone=Europe/Paris`, 'written_csv')).toBe('records');
    expect(await reading(`dataset=${id}&format=csv&fields=id_lieu`, 'written_csv')).toBe('records');
    const query = `dataset=${id}&format=csv&sort=date_debut&rows=40&with_bom=true&use_labels_for_header=true`;
    expect(await reading(query, 'written_csv')).toBe('written');
    expect(await download(query)).toBe(await download(`${query}&timezone=Etc/UTC`));
    const comma = await download(`dataset=${id}&format=csv&sort=date_debut&rows=40&csv_separator=,`);
    expect((parseCsv(comma, { delimiter: ',' }) as string[][]).slice(1)).toEqual((parseCsv(await download(query), { delimiter: ';', bom: true }) as string[][]).slice(1));
  });

  test('a selection of fields, another zone, JSONP, a sort and a cap', async () => {
    const id = 'lieux-de-tournage-a-paris';
    expect(await reading(`dataset=${id}&format=json&fields=id_lieu`)).toBe('records');
    expect(await reading(`dataset=${id}&format=json&timezone=Europe/Paris`)).toBe('records');
    expect(await reading(`dataset=${id}&format=jsonp&callback=cb`)).toBe('written');
    expect(await reading(`dataset=${id}&format=geojson&fields=id_lieu`)).toBe('records');
    expect(await download(`dataset=${id}&format=geojsonp&callback=cb&sort=-date_debut&rows=30`)).toBe(`/**/cb(${await download(`dataset=${id}&format=geojson&sort=-date_debut&rows=30&timezone=Etc/UTC`)});`);
    const sorted = `dataset=${id}&format=json&sort=date_debut&rows=250`;
    expect(await reading(sorted)).toBe('written');
    expect(await download(sorted)).toBe(await download(`${sorted}&timezone=Etc/UTC`));
    expect(await download(`dataset=${id}&format=jsonp&callback=cb&sort=-date_debut&rows=30`)).toBe(`/**/cb(${await download(`dataset=${id}&format=json&sort=-date_debut&rows=30`)});`);
  });

  test('an index of an older format (no written records) is read from _source until it is rebuilt', async () => {
    const id = 'written-older';
    await publishTinyCsv(deps, id, [{ name: 'nom', type: 'text' }, { name: 'n', type: 'int' }], [['Ève', '1'], ['b "2"', '2']]);
    const expected = [{ nom: 'b "2"', n: 2 }, { nom: 'Ève', n: 1 }];
    const fieldsOf = (text: string): unknown[] => (JSON.parse(text) as Array<{ datasetid: string; fields: { nom: string } }>)
      .map((r) => { expect(r.datasetid).toBe(id); return r.fields; }).sort((a, b) => ((a as { nom: string }).nom < (b as { nom: string }).nom ? -1 : 1));
    expect(await reading(`dataset=${id}&format=json`)).toBe('written');
    expect(fieldsOf(await download(`dataset=${id}&format=json`))).toEqual(expected);
    const [index] = await aliasTargets(deps.es, recordsAlias(deps.indexPrefix, id));
    const meta = (await deps.es.indices.getMapping({ index }))[index].mappings._meta ?? {};
    await deps.es.indices.putMapping({ index, _meta: { ...meta, format: 'an older one' } });
    try {
      expect(await reading(`dataset=${id}&format=json`)).toBe('records');
      expect(fieldsOf(await download(`dataset=${id}&format=json`))).toEqual(expected);
    } finally {
      // The database is shared: a start's format check must not find this index to rebuild.
      await deps.es.indices.putMapping({ index, _meta: meta });
    }
  });
});
