import { JsonArraySplitter } from '../../../src/ingest/readers/jsonArraySplitter';

function splitInChunks(text: string, target: string, size: number): string[] {
  const s = new JsonArraySplitter(target);
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(...s.push(text.slice(i, i + size)));
  return out;
}

describe('JsonArraySplitter', () => {
  const geojson = JSON.stringify({
    type: 'FeatureCollection', name: 'x', crs: { features: ['not', 'these'] },
    features: [
      { type: 'Feature', properties: { nom: 'a "quoted" ]}, name', n: [1, 2] }, geometry: null },
      { type: 'Feature', properties: { nom: 'back\\slash\\"' }, geometry: { type: 'Point', coordinates: [1, 2] } },
    ],
    bbox: [0, 0, 1, 1],
  });

  test.each([1, 2, 3, 7, 64, 100000])('finds the features array and its elements whatever the chunk size (%i)', (size) => {
    expect(splitInChunks(geojson, 'features', size).map((t) => JSON.parse(t))).toEqual(JSON.parse(geojson).features);
  });

  test.each([1, 5, 1000])('splits a root array of mixed values (chunks of %i)', (size) => {
    const text = ' [ {"a": [1, {"b": "]"}]}, 42, "s,t", null , [] ] ';
    expect(splitInChunks(text, 'root', size).map((t) => JSON.parse(t))).toEqual([{ a: [1, { b: ']' }] }, 42, 's,t', null, []]);
  });

  test('an empty array yields nothing and is finished', () => {
    const s = new JsonArraySplitter('features');
    expect(s.push('{"type":"FeatureCollection","features":[]}')).toEqual([]);
    expect(s.finished).toBe(true);
  });

  test('a key named features below the root is not the target', () => {
    const s = new JsonArraySplitter('features');
    expect(s.push('{"meta":{"features":[1,2]},"other":3}')).toEqual([]);
    expect(s.finished).toBe(false);
  });
});
