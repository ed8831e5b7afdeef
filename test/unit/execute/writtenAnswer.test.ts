import type { SearchResponse } from '@elastic/elasticsearch/lib/api/types';
import { cutWritten, putWrittenBack } from '../../../src/execute/writtenAnswer';

/** An answer as Elasticsearch writes a search with aggregations: the hits, then the aggregations after them. */
const answer = (hits: object[]): object => ({
  took: 4, timed_out: false, _shards: { total: 1, successful: 1, skipped: 0, failed: 0 },
  hits: { total: { value: 1234, relation: 'eq' }, max_score: 1.5, hits },
  aggregations: { themes: { buckets: [{ key: 'Île "verte"', doc_count: 3 }, { key: '"written_ods":["', doc_count: 1 }] } },
});
const hit = (id: string, source: object, fields?: object): object => ({ _index: 'catalog-v7', _id: id, _score: 1.5, _source: source, ...(fields ? { fields } : {}) });
const bytes = (value: object): Buffer => Buffer.from(JSON.stringify(value));
const base64 = (text: string): string => Buffer.from(text).toString('base64');

/** cutWritten, the rest parsed, the values put back: what the reader gets. */
function readCut(b: Buffer, field: string): SearchResponse<unknown> | undefined {
  const cut = cutWritten(b, field);
  if (cut === undefined) return undefined;
  const res = JSON.parse(cut.text) as SearchResponse<unknown>;
  return putWrittenBack(res, field, cut.values) ? res : undefined;
}

describe('cutWritten and putWrittenBack: an answer parsed without its written texts', () => {
  test('the answer read cut is the answer parsed whole: totals, sources, aggregations and each hit\'s value', () => {
    const original = bytes(answer([
      hit('a', { datasetid: 'a', dataset: { metas: { title: 'Lieux de tournage à Paris' } } }, { written_ods: [base64('{"datasetid": "a"}')] }),
      hit('b', { datasetid: 'b' }, { written_ods: [base64('{"datasetid": "b", "é": 1}')] }),
    ]));
    expect(readCut(original, 'written_ods')).toEqual(JSON.parse(original.toString()));
  });

  test('the values are not in the text that is parsed, and come back in the hits\' order', () => {
    const values = ['QUJD', 'REVG', 'R0hJ'];
    const cut = cutWritten(bytes(answer(values.map((v, i) => hit(String(i), {}, { written_record: [v] })))), 'written_record');
    expect(cut?.values).toEqual(values);
    for (const v of values) expect(cut?.text).not.toContain(v);
    expect(JSON.parse(cut!.text).hits.hits.map((h: { fields: { written_record: string[] } }) => h.fields.written_record)).toEqual([[''], [''], ['']]);
  });

  test('the mark inside a string (an id, a source\'s text, a facet value) is escaped there, and changes nothing', () => {
    const tricky = '"written_ods":["Zm9v"]}} é';
    const original = bytes(answer([
      hit(tricky, { datasetid: tricky, description: `${tricky}\\"` }, { written_ods: [base64('x')] }),
      hit('c', { datasetid: 'c' }, { written_ods: [base64('y')] }),
    ]));
    expect(readCut(original, 'written_ods')).toEqual(JSON.parse(original.toString()));
  });

  test('only the field named: another written field stays in the parsed text', () => {
    const original = bytes(answer([hit('a', {}, { written_ckan: [base64('ckan')], written_d4c: [base64('d4c')] })]));
    const cut = cutWritten(original, 'written_d4c');
    expect(cut?.values).toEqual([base64('d4c')]);
    expect(cut?.text).toContain(base64('ckan'));
    expect(readCut(original, 'written_d4c')).toEqual(JSON.parse(original.toString()));
  });

  test('a hit without the field (an index of another format) stays without it; no hit, nothing to cut', () => {
    const mixed = bytes(answer([hit('a', {}, { written_ods: [base64('a')] }), hit('b', { datasetid: 'b' })]));
    expect(readCut(mixed, 'written_ods')).toEqual(JSON.parse(mixed.toString()));
    const none = bytes(answer([]));
    expect(cutWritten(none, 'written_ods')).toEqual({ text: none.toString(), values: [] });
  });

  test('an answer cut short inside a value gives undefined', () => {
    const whole = bytes(answer([hit('a', {}, { written_ods: [base64('abc')] })]));
    expect(cutWritten(whole.subarray(0, whole.indexOf('"written_ods":["') + 18), 'written_ods')).toBeUndefined();
  });

  test('values that do not match the hits one by one are refused', () => {
    const parsed = (fields: object[]): SearchResponse<unknown> => JSON.parse(JSON.stringify(answer(fields.map((f, i) => hit(String(i), {}, f)))));
    expect(putWrittenBack(parsed([{ written_ods: [''] }]), 'written_ods', ['QQ==', 'Qg=='])).toBe(false);
    expect(putWrittenBack(parsed([{ written_ods: [''] }, { written_ods: [''] }]), 'written_ods', ['QQ=='])).toBe(false);
    expect(putWrittenBack(parsed([{ written_ods: ['QQ=='] }]), 'written_ods', ['Qg=='])).toBe(false);
    expect(putWrittenBack(parsed([{ written_ods: ['', ''] }]), 'written_ods', ['Qg=='])).toBe(false);
    const one = parsed([{ written_ods: [''] }]);
    expect(putWrittenBack(one, 'written_ods', ['Qg=='])).toBe(true);
    expect(one.hits.hits[0].fields).toEqual({ written_ods: ['Qg=='] });
  });
});
