import fc from 'fast-check';
import { JsonArraySplitter } from '../../src/ingest/readers/jsonArraySplitter';

/**
 * Whatever the elements (objects nested in arrays and objects, strings full of quotes,
 * backslashes, braces and brackets), however the document is indented and however it is cut into
 * chunks, the texts the splitter gives parse to the elements of the target array, in order: what
 * JSON.parse of the whole document holds there.
 */
const awkward = fc.string({ unit: fc.constantFrom('a', '"', '\\', '{', '}', '[', ']', ',', ':', ' ', '\n', 'é', '\u{1F600}', '\\"', '\\\\') });
const leaf = fc.oneof(awkward, fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer(), fc.boolean(), fc.constant(null));
const value = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('value'), { maxLength: 4 }), fc.dictionary(awkward, tie('value'), { maxKeys: 4 })),
})).value;
/** Elements as a GeoJSON file has them (objects with coordinates and properties), and anything else an array may hold. */
const feature = fc.record({
  type: fc.constant('Feature'),
  geometry: fc.record({ type: fc.constant('Polygon'), coordinates: fc.array(fc.array(fc.tuple(fc.double({ min: -180, max: 180, noNaN: true }), fc.double({ min: -90, max: 90, noNaN: true })), { maxLength: 6 }), { maxLength: 2 }) }),
  properties: fc.dictionary(awkward, value, { maxKeys: 5 }),
});
const element = fc.oneof(feature, value);

function split(text: string, target: string, cuts: number[]): string[] {
  const splitter = new JsonArraySplitter(target);
  const out: string[] = [];
  let at = 0;
  for (const cut of [...cuts.map((c) => Math.floor(c * text.length)).sort((a, b) => a - b), text.length]) {
    out.push(...splitter.push(text.slice(at, Math.max(at, cut))));
    at = Math.max(at, cut);
  }
  return out;
}

const indent = fc.constantFrom(undefined, 1, 2, '\t');
const cuts = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 12 });

describe('JsonArraySplitter, generated documents', () => {
  test('the features of a FeatureCollection, among other keys that hold arrays and strings', () => {
    fc.assert(fc.property(fc.array(element, { maxLength: 8 }), fc.dictionary(awkward.filter((k) => k !== 'features'), value, { maxKeys: 3 }), indent, cuts, (features, others, space, at) => {
      const text = JSON.stringify({ type: 'FeatureCollection', ...others, features, bbox: [0, 0, 1, 1] }, null, space);
      expect(split(text, 'features', at).map((t) => JSON.parse(t) as unknown)).toEqual(JSON.parse(text).features);
    }), { numRuns: 400 });
  });

  test('the elements of a root array', () => {
    fc.assert(fc.property(fc.array(element, { maxLength: 8 }), indent, cuts, (elements, space, at) => {
      const text = JSON.stringify(elements, null, space);
      expect(split(text, 'root', at).map((t) => JSON.parse(t) as unknown)).toEqual(JSON.parse(text));
    }), { numRuns: 400 });
  });
});
