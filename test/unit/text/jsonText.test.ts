import { jsonText } from '../../../src/text/jsonText';
import { instantText } from '../../../src/render/instantText';
import { csvCell } from '../../../src/render/csvText';

describe('jsonText', () => {
  test('compact ODS style: ", " and ": " outside strings only', () => {
    const value = { a: 'x,"y":z\\', b: [1, -2.5, { c: '\\"', d: null }], e: '', f: 'a\\', g: ',:' };
    expect(jsonText(value, false)).toBe('{"a": "x,\\"y\\":z\\\\", "b": [1, -2.5, {"c": "\\\\\\"", "d": null}], "e": "", "f": "a\\\\", "g": ",:"}');
    expect(JSON.parse(jsonText(value, false))).toEqual(value);
  });
  test('what JSON.stringify leaves out or turns into null, it does too; dates and integer-like keys as JSON.stringify has them', () => {
    const value = { u: undefined, f: () => 1, n: Number.NaN, i: -Infinity, d: new Date(Date.UTC(2024, 1, 3)), arr: [undefined, () => 1, 1], 10: 'ten', 2: 'two', nested: { deep: [[{}], []] } };
    expect(jsonText(value, false)).toBe(JSON.stringify(value).replace(/"(?:[^"\\]|\\.)*"|[,:]/g, (m) => (m.length === 1 ? `${m} ` : m)));
    expect(jsonText(undefined, false)).toBe('null');
  });
  test('arrays of numbers (coordinates) and arrays whose numbers sit beside strings or objects', () => {
    const polygon = { type: 'Polygon', coordinates: [[[2.35, 48.85], [-0.5, 1e-7], [2.35, 48.85]], [[1, 2], [NaN, -0]]] };
    expect(jsonText(polygon, false)).toBe('{"type": "Polygon", "coordinates": [[[2.35, 48.85], [-0.5, 1e-7], [2.35, 48.85]], [[1, 2], [null, 0]]]}');
    expect(jsonText([1, 'a,b', { c: 2 }], false)).toBe('[1, "a,b", {"c": 2}]');
    expect(jsonText([[1, 2], [3, { 'x:y': ',' }]], false)).toBe('[[1, 2], [3, {"x:y": ","}]]');
    expect(jsonText([1, undefined, {}, [], [[]]], false)).toBe('[1, null, {}, [], [[]]]');
  });
  test('pretty_print indents by four spaces', () => {
    expect(jsonText({ a: [1] }, true)).toBe('{\n    "a": [\n        1\n    ]\n}');
  });
});

describe('instantText', () => {
  test('the offset of the zone at that instant, across both 2024 changes in Paris', () => {
    expect(instantText('2024-03-31T00:59:59Z', 'Europe/Paris')).toBe('2024-03-31T01:59:59+01:00');
    expect(instantText('2024-03-31T01:00:00Z', 'Europe/Paris')).toBe('2024-03-31T03:00:00+02:00');
    expect(instantText('2024-10-27T00:59:59.5Z', 'Europe/Paris')).toBe('2024-10-27T02:59:59.500+02:00');
    expect(instantText('2024-10-27T01:00:00Z', 'Europe/Paris')).toBe('2024-10-27T02:00:00+01:00');
    expect(instantText('2024-10-27T01:00:00Z', 'UTC')).toBe('2024-10-27T01:00:00+00:00');
    expect(instantText('2024-06-01T12:00:00Z', 'Asia/Kolkata')).toBe('2024-06-01T17:30:00+05:30');
    expect(instantText('2024-06-01T12:00:00Z', 'America/St_Johns')).toBe('2024-06-01T09:30:00-02:30');
  });
  // Offsets from the tz database's Zone lines: Paris LMT/PMT 0:09:21 (561 s) until 1911 Mar 11 0:00 PMT,
  // New York LMT -4:56:02 until 1883, Dublin DMT -0:25:21 until 1916, Monrovia MMT -0:44:30 until 1972.
  test('an offset with seconds keeps them, so that the text names the same instant', () => {
    expect(instantText('1700-01-01T00:09:49Z', 'Europe/Paris')).toBe('1700-01-01T00:19:10+00:09:21');
    expect(instantText('1699-12-31T23:55:00Z', 'Europe/Paris')).toBe('1700-01-01T00:04:21+00:09:21');
    expect(instantText('1850-06-01T12:00:00Z', 'America/New_York')).toBe('1850-06-01T07:03:58-04:56:02');
    expect(instantText('1900-06-01T12:00:00.250Z', 'Europe/Dublin')).toBe('1900-06-01T11:34:39.250-00:25:21');
    expect(instantText('1950-06-01T12:00:00Z', 'Africa/Monrovia')).toBe('1950-06-01T11:15:30-00:44:30');
  });
  test('a change of offset that is not on a quarter hour (Paris, 1911-03-11 00:00 PMT = 1911-03-10T23:50:39Z)', () => {
    expect(instantText('1911-03-10T23:46:00Z', 'Europe/Paris')).toBe('1911-03-10T23:55:21+00:09:21');
    expect(instantText('1911-03-10T23:50:38Z', 'Europe/Paris')).toBe('1911-03-10T23:59:59+00:09:21');
    expect(instantText('1911-03-10T23:50:39Z', 'Europe/Paris')).toBe('1911-03-10T23:50:39+00:00');
    expect(instantText('1911-03-10T23:59:59Z', 'Europe/Paris')).toBe('1911-03-10T23:59:59+00:00');
  });
});

describe('csvCell', () => {
  test('formulas neutralised, numbers untouched, quoting when needed, NUL dropped', () => {
    expect(['=1+1', '+A1', '-A1', '@x', '\tx', '\rx', '-5', '+3.5', '-1,5', 'ok'].map((v) => csvCell(v, ';'))).toEqual(
      ["'=1+1", "'+A1", "'-A1", "'@x", "'\tx", '"\'\rx"', '-5', '+3.5', '-1,5', 'ok'],
    );
    expect([csvCell(-5, ';'), csvCell('a;b', ';'), csvCell('a,b', ';'), csvCell('a,b', ','), csvCell('say "hi"', ';'), csvCell('a\u0000b', ';'), csvCell(undefined, ';')]).toEqual(
      ['-5', '"a;b"', 'a,b', '"a,b"', '"say ""hi"""', 'ab', ''],
    );
  });
});
