import fc from 'fast-check';
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
