import { jsonArrayParts, jsonObjectParts } from '../../../src/render/jsonObjectParts';
import { jsonText } from '../../../src/text/jsonText';
import { type BodyPart, partText } from '../../../src/render/rendered';

/** The object's text as jsonText writes it whole (itself checked against JSON.stringify in test/property/jsonTextSame.test.ts). */
const whole = (before: Record<string, unknown>, key: string, items: unknown[], after: Record<string, unknown>): string => jsonText({ ...before, [key]: items, ...after }, false);
/** The parts' texts (the members before and after come as UTF-8 bytes). */
const texts = (body: readonly BodyPart[]): string[] => body.map(partText);
const parts = (before: Record<string, unknown>, key: string, items: unknown[], after: Record<string, unknown>): string[] =>
  texts(jsonObjectParts(before, key, [jsonText(items, false)], after));

describe('jsonObjectParts', () => {
  test('the members before, the key, the array as given, the members after', () => {
    expect(parts({ nhits: 2, parameters: { q: 'rue' } }, 'records', [{ a: 1 }, { b: 'é’' }], { facet_groups: [{ name: 'x’' }] })).toEqual([
      '{"nhits": 2, "parameters": {"q": "rue"}',
      ', "records": ',
      '[{"a": 1}, {"b": "é’"}]',
      ', ',
      '"facet_groups": [{"name": "x’"}]}',
    ]);
    expect(parts({}, 'records', [], {})).toEqual(['{"records": ', '[]', '}']);
  });

  test('joined, the same text as the whole object, with members or items missing on either side', () => {
    const cases: Array<[Record<string, unknown>, unknown[], Record<string, unknown>]> = [
      [{ nhits: 0, parameters: {} }, [], {}],
      [{}, [1, 'a"b'], {}],
      [{}, [], { tail: null }],
      [{ nhits: 1, parameters: undefined }, [[1, 2], { k: [] }], { facet_groups: [], more: 'x' }],
    ];
    for (const [before, items, after] of cases) expect(parts(before, 'list', items, after).join('')).toBe(whole(before, 'list', items, after));
  });

  test('a key that needs escaping is written as JSON writes it', () => {
    expect(parts({}, 'a"b', [1], {}).join('')).toBe('{"a\\"b": [1]}');
  });

  test('a member whose value is itself in parts, nested, as a CKAN answer holds its packages', () => {
    const packages = [{ id: 'a', notes: 'l’eau' }, { id: 'b', tags: [] }];
    const result = jsonObjectParts({ count: 2, sort: 'score desc' }, 'results', jsonArrayParts(packages.map((p) => jsonText(p, false))), {});
    const body = jsonObjectParts({ help: 'h', success: true }, 'result', result, { all_organizations: [] });
    expect(texts(body).join('')).toBe(jsonText({ help: 'h', success: true, result: { count: 2, sort: 'score desc', results: packages }, all_organizations: [] }, false));
    // Each package stays a part of its own: the nested parts are carried, not joined into one text.
    expect(texts(body)).toEqual(expect.arrayContaining([`[${jsonText(packages[0], false)}`, `, ${jsonText(packages[1], false)}`]));
  });
});

describe('jsonArrayParts', () => {
  test('one part per item, joined the array jsonText writes', () => {
    for (const items of [[], [1], [{ a: 'x' }, 'y', [2, 3]]]) {
      expect(jsonArrayParts(items.map((i) => jsonText(i, false))).join('')).toBe(jsonText(items, false));
    }
    expect(jsonArrayParts(['1', '2'])).toEqual(['[1', ', 2', ']']);
  });
});
