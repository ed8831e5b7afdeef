import type { FieldDef, FieldType } from '../../../../src/model/descriptor';
import type { RecordHit, WrittenRecord } from '../../../../src/model/searchResult';
import { jsonFormat } from '../../../../src/render/formats/jsonFormat';
import { ndjsonFormat } from '../../../../src/render/formats/ndjsonFormat';
import { geojsonFormat } from '../../../../src/render/formats/geojsonFormat';
import type { FormatContext } from '../../../../src/render/formats/recordFormat';
import { writtenFieldOf, writtenWriter, streamWriter } from '../../../../src/render/formats/streamWriter';
import { writtenItems, writtenLines } from '../../../../src/render/formats/writtenItems';
import { csvFormat } from '../../../../src/render/formats/csvFormat';
import { recordTailJson } from '../../../../src/render/recordJson';
import type { StoredRecord } from '../../../../src/index/storedRecord';
import { recordTexts } from '../../../../src/index/storedShapes';
import { writtenRecord } from '../../../../src/usecases/writtenRecord';
import { writtenCsv } from '../../../../src/usecases/writtenCsv';
import { parse } from 'csv-parse/sync';

const field = (name: string, type: FieldType): FieldDef => ({ name, label: name, type, annotations: [], source: { column: name } });
const schema = [field('nom', 'text'), field('n', 'int')];
const ctx = (datasetId: string): FormatContext => ({ records: { schema, timeZone: 'UTC', datasetId }, columns: schema, output: { csvSeparator: ';', withBom: false, useLabelsForHeader: false }, filename: 'f' });
const hit = (recordid: string, fields: RecordHit['fields']): RecordHit => ({ datasetid: 'ignored', recordid, record_timestamp: '2026-01-15T12:00:00Z', fields });
const bytes = (s: string): Buffer => Buffer.from(s);
/** A text kept written as Elasticsearch hands it over: the base64 of a head of spans (here zeros, which writtenItems skips) and of its UTF-8 bytes. */
const b64 = (s: string): string => Buffer.concat([Buffer.alloc(24, 7), Buffer.from(s)]).toString('base64');
/** The same base64 texts where a download's page finds them: slices of one answer's bytes, among other bytes. */
const inAnswer = (texts: readonly string[]): WrittenRecord[] => {
  const answer = Buffer.from(`{"hits":[${texts.map((t, i) => `{"_id":"${i}","fields":{"written_record":["${t}"]}}`).join(',')}]}`);
  let from = 0;
  return texts.map((t) => {
    const start = answer.indexOf(`["${t}"]`, from) + 2;
    from = start + t.length;
    return { bytes: answer, start, end: start + t.length };
  });
};
/** A page's records in both forms a writer takes: base64 strings, and slices of an answer's bytes. */
const bothForms = (texts: readonly string[]): WrittenRecord[][] => [[...texts], inAnswer(texts)];

describe('writtenItems', () => {
  const open = bytes('<'), between = bytes(', '), end = bytes('>');

  test('each record opened and ended; separated from the one before it, the first of a later page too', () => {
    expect(writtenItems([b64('a'), b64('b')], true, open, between, end).toString()).toBe('<a>, <b>');
    expect(writtenItems([b64('c')], false, open, between, end).toString()).toBe(', <c>');
  });

  test('no separator or end when they are empty; nothing for no record', () => {
    expect(writtenItems([b64('a'), b64('é')], false, open, Buffer.alloc(0), Buffer.alloc(0)).toString()).toBe('<a<é');
    expect(writtenItems([], false, open, between, end).length).toBe(0);
  });

  test('texts of every base64 padding, outside Latin-1 and beyond a pool slab, decoded whole', () => {
    const texts = ['x', 'xy', 'xyz', 'wxyz', '🗺 Île-de-France', `"${'ü'.repeat(9000)}"`];
    for (const records of bothForms(texts.map(b64))) {
      const piece = writtenItems(records, true, open, between, end);
      expect(piece.toString()).toBe(texts.map((t) => `<${t}>`).join(', '));
      expect(piece.length).toBe(Buffer.byteLength(piece.toString()));
    }
  });
});

describe('the JSON formats from records kept written: the same bytes as from the records', () => {
  const records = [hit('r1', { nom: 'Élise "É"', n: 2 }), hit('r2', { n: 0 })];
  const tail = recordTailJson(schema, 'UTC');
  const written = records.map((r) => b64(tail(r)));

  test.each([['json', undefined], ['ndjson', undefined], ['jsonp', 'cb']])('%s, in two pages, under a dataset id with a quote', (format, callback) => {
    const c = ctx('jeu "1"@dom');
    const text = streamWriter(format, callback, c);
    const built = text.head + text.page(records.slice(0, 1), true) + text.page(records.slice(1), false) + text.tail;
    for (const kept of bothForms(written)) {
      const fromWritten = writtenWriter(format, callback, c);
      const sent = Buffer.concat([bytes(fromWritten.head), fromWritten.page(kept.slice(0, 1), true), fromWritten.page(kept.slice(1), false), bytes(fromWritten.tail)]);
      expect(sent.toString()).toBe(built);
      expect([fromWritten.contentType, fromWritten.headers]).toEqual([text.contentType, text.headers]);
    }
  });

  test('the JSON array, parsed: the ODS record objects (datasetid first)', () => {
    const w = writtenWriter('json', undefined, ctx('d'));
    const parsed = JSON.parse(w.head + w.page(written, true).toString() + w.tail) as unknown[];
    expect(parsed).toEqual([
      { datasetid: 'd', recordid: 'r1', fields: { nom: 'Élise "É"', n: 2 }, record_timestamp: '2026-01-15T12:00:00+00:00' },
      { datasetid: 'd', recordid: 'r2', fields: { n: 0 }, record_timestamp: '2026-01-15T12:00:00+00:00' },
    ]);
  });

  test('the formats that write ODS records, their GeoJSON features or their CSV lines take records kept written, each from its field', () => {
    expect(['json', 'ndjson', 'csv', 'geojson'].map((f) => writtenFieldOf(f, undefined))).toEqual(['written_record', 'written_record', 'written_csv', 'written_record']);
    expect([writtenFieldOf('jsonp', 'cb'), writtenFieldOf('geojsonp', 'cb')]).toEqual(['written_record', 'written_record']);
    expect([jsonFormat.written, ndjsonFormat.written, geojsonFormat.written, csvFormat.written].every((w) => typeof w?.stream === 'function')).toBe(true);
  });
});

describe('GeoJSON from records kept written (writtenRecord, then writtenFeatures): the same bytes as featureJson from the records', () => {
  const polygon = { type: 'Polygon' as const, coordinates: [[[2.5, 48], [3, 48], [3, 49.25], [2.5, 48]]] };
  const point = { type: 'Point' as const, coordinates: [2.75, 48.5] as [number, number] };
  const stored = (recordid: string, fields: StoredRecord['fields'], geometry: StoredRecord['geometry'], schemaOf: readonly FieldDef[]): StoredRecord =>
    ({ recordid, fields, geometry, recordTimestamp: '2024-03-01T08:00:00.000Z', sourceLine: 1, texts: recordTexts(schemaOf, fields) });
  /** Each record as a download reads it back from its document: published values, the shape as its stored text. */
  const readBack = (r: StoredRecord): RecordHit => ({ datasetid: 'x', recordid: r.recordid, record_timestamp: r.recordTimestamp, fields: JSON.parse(r.texts!.fields) as RecordHit['fields'], ...(r.geometry ? { geometry: r.geometry } : {}) });
  const withShape = [field('nom', 'text'), field('forme', 'geo_shape'), field('n', 'int'), field('pt', 'geo_point_2d')];
  const shapeFirst = [field('forme', 'geo_shape'), field('nom', 'text')];
  const points = [field('nom', 'text'), field('pt', 'geo_point_2d'), field('vu', 'datetime')];
  const cases: Array<[string, FieldDef[], StoredRecord[]]> = [
    ['a shape among other fields', withShape, [
      stored('r1', { nom: 'Île "A" ü', forme: polygon, n: 3, pt: [48.5, 2.75] }, point, withShape),
      stored('r2', { forme: polygon, n: 0 }, point, withShape),
      stored('r3', { nom: 'é', forme: polygon }, point, withShape),
      stored('r4', { forme: polygon }, point, withShape),
      stored('r5', { nom: 'sans forme', n: 1 }, point, withShape),
      stored('r6', { nom: 'rien' }, null, withShape),
      stored('r7', {}, null, withShape),
    ]],
    ['the shape first', shapeFirst, [stored('s1', { forme: polygon, nom: 'ß' }, point, shapeFirst), stored('s2', { nom: 'ß' }, null, shapeFirst)]],
    ['points', points, [stored('p1', { nom: '東京', pt: [48.5, 2.75], vu: '2021-06-01T22:30:00Z' }, point, points), stored('p2', { nom: 'x' }, null, points)]],
  ];

  test.each(cases)('%s: geojson in two pages and geojsonp', (_, schemaOf, kept) => {
    const c: FormatContext = { records: { schema: schemaOf, timeZone: 'UTC', datasetId: 'jeu' }, columns: schemaOf, output: { csvSeparator: ';', withBom: false, useLabelsForHeader: false }, filename: 'f' };
    const hits = kept.map(readBack);
    const written = kept.map((r) => writtenRecord(schemaOf)(r).toString('base64'));
    for (const [format, callback] of [['geojson', undefined], ['geojsonp', 'cb']] as const) {
      const text = streamWriter(format, callback, c);
      const built = text.head + text.page(hits.slice(0, 2), true) + text.page(hits.slice(2), false) + text.tail;
      for (const form of bothForms(written)) {
        const fromWritten = writtenWriter(format, callback, c);
        const sent = Buffer.concat([bytes(fromWritten.head), fromWritten.page(form.slice(0, 2), true), fromWritten.page(form.slice(2), false), bytes(fromWritten.tail)]);
        expect(sent.toString()).toBe(built);
      }
    }
  });

  test('the feature collection, parsed: geometry from the shape, else the point, else null; the shape not among the properties', () => {
    const w = writtenWriter('geojson', undefined, ctx('d'));
    const [, schemaOf, kept] = cases[0];
    const parsed = JSON.parse(w.head + w.page(kept.map((r) => writtenRecord(schemaOf)(r).toString('base64')), true).toString() + w.tail) as { features: Array<{ geometry: unknown; properties: Record<string, unknown> }> };
    expect(parsed.features.map((f) => [f.geometry, Object.keys(f.properties)])).toEqual([
      [polygon, ['nom', 'n', 'pt']], [polygon, ['n']], [polygon, ['nom']], [polygon, []], [point, ['nom', 'n']], [null, ['nom']], [null, []],
    ]);
  });
});

describe('CSV from records kept written (writtenCsv, then writtenLines): the same bytes as csvHitLine from the records read back', () => {
  const polygon = { type: 'Polygon' as const, coordinates: [[[2.5, 48], [3, 48], [3, 49.25], [2.5, 48]]] };
  const schemaOf = [field('nom', 'text'), field('forme', 'geo_shape'), field('n', 'double'), field('pt', 'geo_point_2d'), field('vu', 'datetime'), field('jour', 'date')];
  const stored = (recordid: string, fields: StoredRecord['fields']): StoredRecord =>
    ({ recordid, fields, geometry: null, recordTimestamp: '2024-03-01T08:00:00.000Z', sourceLine: 1, texts: recordTexts(schemaOf, fields) });
  const kept = [
    stored('r1', { nom: 'Île "A"; ü', forme: polygon, n: 3.25, pt: [48.5, 2.75], vu: '2021-06-01T22:30:00Z', jour: '2021-06-01' }),
    stored('r2', { nom: '=SOMME(A1)', n: -0.5 }),
    stored('r3', { nom: 'deux\nlignes' }),
    stored('r4', {}),
  ];
  const readBack = (r: StoredRecord): RecordHit => ({ datasetid: 'x', recordid: r.recordid, record_timestamp: r.recordTimestamp, fields: JSON.parse(r.texts!.stored) as RecordHit['fields'] });
  const written = kept.map((r) => writtenCsv(schemaOf)(r).toString('base64'));
  const c = (over: Partial<FormatContext['output']> = {}): FormatContext => ({ records: { schema: schemaOf, timeZone: 'UTC', datasetId: 'jeu' }, columns: schemaOf, output: { csvSeparator: ';', withBom: false, useLabelsForHeader: false, ...over }, filename: 'f' });

  test.each([[{}], [{ withBom: true, useLabelsForHeader: true }]])('in two pages, header %j', (over) => {
    const text = streamWriter('csv', undefined, c(over));
    const built = text.head + text.page(kept.map(readBack).slice(0, 1), true) + text.page(kept.map(readBack).slice(1), false) + text.tail;
    for (const form of bothForms(written)) {
      const fromWritten = writtenWriter('csv', undefined, c(over));
      const sent = Buffer.concat([bytes(fromWritten.head), fromWritten.page(form.slice(0, 1), true), fromWritten.page(form.slice(1), false), bytes(fromWritten.tail)]);
      expect(sent.toString()).toBe(built);
      expect([fromWritten.contentType, fromWritten.headers]).toEqual([text.contentType, text.headers]);
    }
  });

  test('the lines, parsed as CSV with `;`: the values as published, a formula neutralised, the shape as its GeoJSON', () => {
    const rows = parse(writtenLines(written).toString(), { delimiter: ';', relaxQuotes: false }) as string[][];
    expect(rows).toEqual([
      ['Île "A"; ü', JSON.stringify(polygon), '3.25', '48.5,2.75', '2021-06-01T22:30:00+00:00', '2021-06-01'],
      ["'=SOMME(A1)", '', '-0.5', '', '', ''],
      ['deux\nlignes', '', '', '', '', ''],
      ['', '', '', '', '', ''],
    ]);
  });
});
