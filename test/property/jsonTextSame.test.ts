import fc from 'fast-check';
import { jsonBytes } from '../../src/text/jsonBytes';
import { jsonText } from '../../src/text/jsonText';
import { widenJson } from '../../src/text/widenJson';

/**
 * ODS's compact JSON is JSON.stringify's text with `, ` and `: ` between items, and JSON.stringify
 * is the definition of every string, number and key in it. The reference here widens
 * JSON.stringify's output outside strings; jsonText must write the same text for any value,
 * including texts that need escapes (quotes, backslashes, control characters, lone surrogates).
 */
const widened = (value: unknown): string =>
  JSON.stringify(value).replace(/"(?:[^"\\]|\\.)*"|[,:]/g, (m) => (m.length === 1 ? `${m} ` : m));

/** Any UTF-16 code units, lone surrogates included. */
const codeUnits = fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 12 }).map((units) => String.fromCharCode(...units));
const text = fc.oneof(fc.string(), fc.string({ minLength: 60, maxLength: 120 }), codeUnits, fc.constantFrom('', '"', '\\', '\u2028', 'é', '\u{1F600}', '\ud800', 'a\u0000b', '\u007f'));
const leaf = fc.oneof(text, fc.double(), fc.integer(), fc.boolean(), fc.constant(null), fc.constantFrom(-0, 1e21, 1e-7, Number.NaN, Infinity));
const value = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('node'), { maxLength: 5 }), fc.dictionary(text, tie('node'), { maxKeys: 5 })),
})).node;

describe('jsonText, compact', () => {
  test('equals JSON.stringify widened, for any JSON value', () => {
    fc.assert(fc.property(value, (v) => { expect(jsonText(v, false)).toBe(widened(v)); }), { numRuns: 3000 });
  });
  test('many distinct keys (beyond those it keeps ready-quoted) are each written as JSON.stringify writes them', () => {
    const record = Object.fromEntries(Array.from({ length: 6000 }, (_, i) => [`k${i}"\\${String.fromCharCode(i)}`, i]));
    expect(jsonText(record, false)).toBe(widened(record));
    expect(jsonText(record, false)).toBe(widened(record));
  });
});

/** Long texts of any characters (the writer encodes a long one without escapes in one native call, the others unit by unit). */
const longText = fc.string({ unit: 'binary', minLength: 65, maxLength: 300 });

describe('jsonBytes', () => {
  test('equals the UTF-8 bytes of JSON.stringify widened, for any JSON value', () => {
    fc.assert(fc.property(fc.oneof(value, longText, fc.array(longText, { maxLength: 3 })), (v) => {
      expect(jsonBytes(v).equals(Buffer.from(widened(v), 'utf8'))).toBe(true);
    }), { numRuns: 3000 });
  });
  test('what JSON.stringify leaves out or writes as null, dates and integer-like keys, as JSON.stringify has them', () => {
    const v = { u: undefined, f: () => 1, s: Symbol('s'), n: Number.NaN, d: new Date(Date.UTC(2024, 1, 3)), arr: [undefined, () => 1, 1, Symbol('t')], 10: 'ten', 2: 'two', b: [true, false, null] };
    expect(jsonBytes(v).toString('utf8')).toBe(widened(v));
    expect(jsonBytes(undefined).toString('utf8')).toBe('null');
  });
  test('a value larger than the buffer kept between calls, then a small one: each call writes only its own value', () => {
    const facets = Array.from({ length: 60_000 }, (_, i) => ({ name: `Valeur n° ${i} — ${'x'.repeat(i % 90)}`, path: `v${i}`, count: i, state: 'displayed' }));
    const big = { facet_groups: [{ name: 'keyword', facets }] };
    expect(widened(big).length).toBeGreaterThan(4 * 1024 * 1024);
    expect(jsonBytes(big).equals(Buffer.from(widened(big), 'utf8'))).toBe(true);
    expect(jsonBytes({ a: 'é' }).toString('utf8')).toBe('{"a": "é"}');
    expect(jsonBytes([1]).toString('utf8')).toBe('[1]');
  });
  test('a value kept by a caller is not overwritten by the next call', () => {
    const first = jsonBytes({ a: 'first' });
    jsonBytes({ a: 'second' });
    expect(first.toString('utf8')).toBe('{"a": "first"}');
  });
});

/** GeoJSON-like geometries: nested arrays of numbers, with a foreign member holding any text now and then. */
const position = fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { minLength: 2, maxLength: 3 });
const geometry = fc.record({
  type: fc.constantFrom('Point', 'Polygon', 'MultiPolygon'),
  coordinates: fc.array(fc.array(position, { maxLength: 8 }), { maxLength: 3 }),
  crs: fc.option(fc.record({ type: fc.constant('name'), properties: fc.record({ name: text }) }), { nil: undefined }),
});

describe('widenJson', () => {
  test('widens JSON.stringify\'s text as the reference does, for any JSON value (texts outside ASCII, escapes, `,` and `:` in strings)', () => {
    fc.assert(fc.property(value, (v) => { expect(widenJson(JSON.stringify(v))).toBe(widened(v)); }), { numRuns: 3000 });
  });
  test('a stored geometry\'s text widened is what jsonText writes for the geometry', () => {
    fc.assert(fc.property(geometry, (g) => { expect(widenJson(JSON.stringify(g))).toBe(jsonText(g, false)); }), { numRuns: 1000 });
  });
  test('a text larger than the buffer kept between calls', () => {
    const big = { type: 'Polygon', coordinates: [Array.from({ length: 200_000 }, (_, i) => [i / 7, -i / 3])] };
    expect(widenJson(JSON.stringify(big))).toBe(widened(big));
    expect(widenJson('[1,2]')).toBe('[1, 2]');
  });
});
