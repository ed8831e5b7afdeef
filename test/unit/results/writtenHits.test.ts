import type { WrittenPage } from '../../../src/results/writtenHits';
import { writtenHits, writtenHitsOf } from '../../../src/results/writtenHits';
import { writtenText } from '../../../src/render/formats/writtenText';

/** An answer as Elasticsearch writes a search of a point-in-time: `pit_id` first, the hits last. */
const answer = (hits: object[], pitId = 'cGl0LWlk'): object => ({
  pit_id: pitId, took: 3, timed_out: false, _shards: { total: 1, successful: 1, skipped: 0, failed: 0 },
  hits: { max_score: null, hits },
});
const hit = (id: string, written: string | undefined, sort: unknown[]): object => ({
  _index: 'records-x-v1', _id: id, _score: null, ...(written === undefined ? {} : { fields: { written_record: [written] } }), sort,
});
const bytes = (value: object): Buffer => Buffer.from(JSON.stringify(value));
/** A page with each record's base64 as text, wherever the page keeps it. */
const asTexts = (page: WrittenPage | undefined): object | undefined => page && { ...page, items: page.items.map((r) => writtenText(r)) };

describe('writtenHits: records kept written, found in the bytes of an answer', () => {
  test('each hit\'s base64 in order, the last hit\'s sort values and the snapshot\'s id', () => {
    const page = writtenHits(bytes(answer([hit('a', 'QUJD', [0]), hit('b', 'RA==', [7]), hit('c', 'RUY=', [12])])), 'written_record');
    expect(asTexts(page)).toEqual({ items: ['QUJD', 'RA==', 'RUY='], lastSort: [12], pitId: 'cGl0LWlk' });
  });

  test('a record is where its base64 lies in the answer\'s bytes: the page holds no text of its own', () => {
    const answerBytes = bytes(answer([hit('a', 'QUJD', [0]), hit('b', 'RA==', [7])]));
    const items = writtenHits(answerBytes, 'written_record')?.items ?? [];
    expect(items.map((r) => typeof r === 'string' ? r : [r.bytes === answerBytes, answerBytes.toString('latin1', r.start, r.end)])).toEqual([[true, 'QUJD'], [true, 'RA==']]);
  });

  test('ids and sort values holding the marks, quotes, brackets and text outside ASCII change nothing', () => {
    const tricky = '{"_index":"x", "written_record":["Zm9v"]}}]}} é';
    const page = writtenHits(bytes(answer([hit(tricky, 'QQ==', ['"]}}', 1]), hit('Île "2"', 'Qg==', ['a]"b', tricky, 2.5])])), 'written_record');
    expect(asTexts(page)).toEqual({ items: ['QQ==', 'Qg=='], lastSort: ['a]"b', tricky, 2.5], pitId: 'cGl0LWlk' });
  });

  test('no hit: no record and no sort values', () => {
    expect(writtenHits(bytes(answer([])), 'written_record')).toEqual({ items: [], pitId: 'cGl0LWlk' });
  });

  test('the field asked for only: written_csv is not written_record', () => {
    const csv = { _index: 'i', _id: 'a', _score: null, fields: { written_csv: ['TEE7Mg0K'] }, sort: [3] };
    expect(asTexts(writtenHits(bytes(answer([csv])), 'written_csv'))).toEqual({ items: ['TEE7Mg0K'], lastSort: [3], pitId: 'cGl0LWlk' });
    expect(writtenHits(bytes(answer([csv])), 'written_record')).toBeUndefined();
  });

  test('an answer of another shape is left to the usual parse: a hit without the field, something after the hits, no bytes', () => {
    expect(writtenHits(bytes(answer([hit('a', 'QUJD', [0]), hit('b', undefined, [1])])), 'written_record')).toBeUndefined();
    expect(writtenHits(bytes({ ...answer([hit('a', 'QUJD', [0])]), aggregations: {} }), 'written_record')).toBeUndefined();
    expect(writtenHits(Buffer.alloc(0), 'written_record')).toBeUndefined();
  });

  test('the same page parsed the usual way; a hit without the field is an index of another format', () => {
    const parsed = answer([hit('a', 'QUJD', [0]), hit('b', 'RA==', [7])]) as Parameters<typeof writtenHitsOf>[0];
    expect(writtenHitsOf(parsed, 'written_record')).toEqual(asTexts(writtenHits(bytes(parsed), 'written_record')));
    expect(() => writtenHitsOf(answer([hit('b', undefined, [1])]) as Parameters<typeof writtenHitsOf>[0], 'written_record')).toThrow(/has no written_record: its index is of another format/);
  });
});
