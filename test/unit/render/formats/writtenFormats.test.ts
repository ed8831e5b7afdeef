import type { FieldDef, FieldType } from '../../../../src/model/descriptor';
import type { RecordHit } from '../../../../src/model/searchResult';
import { jsonFormat } from '../../../../src/render/formats/jsonFormat';
import { ndjsonFormat } from '../../../../src/render/formats/ndjsonFormat';
import type { FormatContext } from '../../../../src/render/formats/recordFormat';
import { writesWritten, writtenWriter, streamWriter } from '../../../../src/render/formats/streamWriter';
import { writtenItems } from '../../../../src/render/formats/writtenItems';
import { recordTailJson } from '../../../../src/render/recordJson';

const field = (name: string, type: FieldType): FieldDef => ({ name, label: name, type, annotations: [], source: { column: name } });
const schema = [field('nom', 'text'), field('n', 'int')];
const ctx = (datasetId: string): FormatContext => ({ records: { schema, timeZone: 'UTC', datasetId }, columns: schema, output: { csvSeparator: ';', withBom: false, useLabelsForHeader: false }, filename: 'f' });
const hit = (recordid: string, fields: RecordHit['fields']): RecordHit => ({ datasetid: 'ignored', recordid, record_timestamp: '2026-01-15T12:00:00Z', fields });
const bytes = (s: string): Buffer => Buffer.from(s);
/** A text as Elasticsearch hands over a binary field: the base64 of its UTF-8 bytes. */
const b64 = (s: string): string => Buffer.from(s).toString('base64');

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
    const piece = writtenItems(texts.map(b64), true, open, between, end);
    expect(piece.toString()).toBe(texts.map((t) => `<${t}>`).join(', '));
    expect(piece.length).toBe(Buffer.byteLength(piece.toString()));
  });
});

describe('the JSON formats from records kept written: the same bytes as from the records', () => {
  const records = [hit('r1', { nom: 'Élise "É"', n: 2 }), hit('r2', { n: 0 })];
  const tail = recordTailJson(schema, 'UTC');
  const written = records.map((r) => b64(tail(r)));

  test.each([['json', undefined], ['ndjson', undefined], ['jsonp', 'cb']])('%s, in two pages, under a dataset id with a quote', (format, callback) => {
    const c = ctx('jeu "1"@dom');
    const text = streamWriter(format, callback, c), fromWritten = writtenWriter(format, callback, c);
    const built = text.head + text.page(records.slice(0, 1), true) + text.page(records.slice(1), false) + text.tail;
    const sent = Buffer.concat([bytes(fromWritten.head), fromWritten.page(written.slice(0, 1), true), fromWritten.page(written.slice(1), false), bytes(fromWritten.tail)]);
    expect(sent.toString()).toBe(built);
    expect([fromWritten.contentType, fromWritten.headers]).toEqual([text.contentType, text.headers]);
  });

  test('the JSON array, parsed: the ODS record objects (datasetid first)', () => {
    const w = writtenWriter('json', undefined, ctx('d'));
    const parsed = JSON.parse(w.head + w.page(written, true).toString() + w.tail) as unknown[];
    expect(parsed).toEqual([
      { datasetid: 'd', recordid: 'r1', fields: { nom: 'Élise "É"', n: 2 }, record_timestamp: '2026-01-15T12:00:00+00:00' },
      { datasetid: 'd', recordid: 'r2', fields: { n: 0 }, record_timestamp: '2026-01-15T12:00:00+00:00' },
    ]);
  });

  test('only the formats that write ODS records as JSON take records kept written', () => {
    expect(['json', 'ndjson', 'csv', 'geojson'].map((f) => writesWritten(f, undefined))).toEqual([true, true, false, false]);
    expect([writesWritten('jsonp', 'cb'), writesWritten('geojsonp', 'cb')]).toEqual([true, false]);
    expect([jsonFormat.written, ndjsonFormat.written].every((w) => typeof w === 'function')).toBe(true);
    expect(() => writtenWriter('csv', undefined, ctx('d'))).toThrow(/does not write records kept written/);
  });
});
