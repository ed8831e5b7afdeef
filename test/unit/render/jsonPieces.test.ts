import { jsonArrayPieces, jsonEnvelopePieces, jsonPiecesAt, jsonPiecesWriter, jsonStringPiecesAt, PIECES_MARK, type JsonArrayPieces } from '../../../src/render/jsonPieces';

/** The whole text the pieces give for `items`, written in one page. */
const whole = (p: JsonArrayPieces, items: unknown[]): string => p.head + items.map((v) => p.item(v)).join(p.between) + p.tail;

const items = [{ id: 'a', n: 1, tags: ['x', 'y'] }, { id: 'b', n: null, tags: [] }];

describe('array pieces', () => {
  test('compact: Python separators, as ODS writes JSON', () => {
    expect(whole(jsonArrayPieces(false), items)).toBe('[{"id": "a", "n": 1, "tags": ["x", "y"]}, {"id": "b", "n": null, "tags": []}]');
  });

  test('pretty: the text JSON.stringify writes indented by four spaces', () => {
    expect(whole(jsonArrayPieces(true), items)).toBe(JSON.stringify(items, null, 4));
  });

  test('in an envelope, the members around the array written once, in their order', () => {
    const envelope = { nhits: 2, parameters: { q: 'a' }, records: [], after: true };
    expect(whole(jsonEnvelopePieces(envelope, 'records', false), items))
      .toBe('{"nhits": 2, "parameters": {"q": "a"}, "records": [{"id": "a", "n": 1, "tags": ["x", "y"]}, {"id": "b", "n": null, "tags": []}], "after": true}');
    expect(whole(jsonEnvelopePieces(envelope, 'records', true), items)).toBe(JSON.stringify({ ...envelope, records: items }, null, 4));
  });

  test('at any depth: the indentation of the place the array stands', () => {
    const body = { help: 'h', result: { fields: [1], records: PIECES_MARK } };
    const expected = { help: 'h', result: { fields: [1], records: items } };
    expect(whole(jsonPiecesAt(body, true), items)).toBe(JSON.stringify(expected, null, 4));
    expect(JSON.parse(whole(jsonPiecesAt(body, false), items))).toEqual(expected);
  });

  test('a member before the array that holds a marker-like text (a label, a value) is written as it is', () => {
    for (const q of ['\u0000items\u0000', `${PIECES_MARK.slice(0, 8)}`, 'items']) {
      const envelope = { nhits: 2, parameters: { q }, records: [], facet_groups: [{ name: q }] };
      for (const pretty of [false, true]) expect(JSON.parse(whole(jsonEnvelopePieces(envelope, 'records', pretty), items))).toEqual({ ...envelope, records: items });
    }
  });

  test('the body itself the place: the array alone, as at the top level', () => {
    expect(whole(jsonPiecesAt(PIECES_MARK, false), items)).toBe('[{"id": "a", "n": 1, "tags": ["x", "y"]}, {"id": "b", "n": null, "tags": []}]');
    expect(whole(jsonPiecesAt(PIECES_MARK, true), items)).toBe(JSON.stringify(items, null, 4));
  });

  test('a body with no place for the pieces is refused', () => {
    expect(() => jsonPiecesAt({ a: 1 }, false)).toThrow('the body holds no place for its pieces');
  });

  test('string pieces: each item a part of one JSON string, escaped', () => {
    const p = jsonStringPiecesAt({ result: PIECES_MARK, ok: true }, false);
    const text = whole(p, ['a;b\r\n', 'say "hi"\\', 3]);
    expect(text).toBe('{"result": "a;b\\r\\nsay \\"hi\\"\\\\3", "ok": true}');
    expect(JSON.parse(text)).toEqual({ result: 'a;b\r\nsay "hi"\\3', ok: true });
  });
});

describe('jsonPiecesWriter', () => {
  const item = (v: { id: string }): string => JSON.stringify(v.id);

  test('the separator before every item but the very first, however pages fall', () => {
    const w = jsonPiecesWriter(jsonArrayPieces(false), item, { format: 'json' }, 'application/json');
    const pages = [w.page([], true), w.page([{ id: 'a' }], false), w.page([], false), w.page([{ id: 'b' }, { id: 'c' }], false)];
    expect(pages).toEqual(['', '"a"', '', ', "b", "c"']);
    expect(w.head + pages.join('') + w.tail).toBe('["a", "b", "c"]');
    expect(w.contentType).toBe('application/json');
    expect(w.headers).toEqual({});
  });

  test('a JSONP format with its callback wraps the whole', () => {
    const w = jsonPiecesWriter(jsonArrayPieces(false), item, { format: 'geojsonp', callback: 'cb' }, 'application/geo+json');
    expect(w.contentType).toBe('text/javascript; charset=utf-8');
    expect(w.headers).toEqual({ 'X-Content-Type-Options': 'nosniff' });
    expect(w.head + w.page([{ id: 'a' }], true) + w.tail).toBe('/**/cb(["a"]);');
  });

  test('a callback with a format that is not JSONP, or JSONP without a callback, is plain JSON', () => {
    for (const output of [{ format: 'json', callback: 'cb' }, { format: 'jsonp' }]) {
      const w = jsonPiecesWriter(jsonArrayPieces(false), item, output, 'application/json');
      expect([w.contentType, w.head, w.tail]).toEqual(['application/json', '[', ']']);
    }
  });
});
