import { NULL_SHAPE, SHAPE_TYPES, shapeContent, shapeKind } from '../../../../src/render/gis/shpShape';

/** The x, y pairs of a polyline/polygon record's content (after type, box, counts and part starts). */
function points(content: Buffer): number[][] {
  const parts = content.readInt32LE(36);
  const n = content.readInt32LE(40);
  const at = 44 + 4 * parts;
  return Array.from({ length: n }, (_, i) => [content.readDoubleLE(at + 16 * i), content.readDoubleLE(at + 16 * i + 8)]);
}

describe('shapeContent', () => {
  test('a point: type 1, then x and y', () => {
    const { content } = shapeContent({ type: 'Point', coordinates: [2.5, 48.5] }, 'point');
    expect([content.length, content.readInt32LE(0), content.readDoubleLE(4), content.readDoubleLE(12)]).toEqual([20, 1, 2.5, 48.5]);
  });

  test('a polygon: outer ring clockwise, hole counter-clockwise, whatever the GeoJSON order; box and part starts', () => {
    // RFC 7946 order: outer counter-clockwise, hole clockwise.
    const outer = [[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]];
    const hole = [[1, 1], [1, 2], [2, 2], [2, 1], [1, 1]];
    const { content, bounds } = shapeContent({ type: 'Polygon', coordinates: [outer, hole] }, 'polygon');
    expect(bounds).toEqual([0, 0, 4, 4]);
    expect([content.readInt32LE(0), content.readInt32LE(36), content.readInt32LE(40), content.readInt32LE(44), content.readInt32LE(48)]).toEqual([5, 2, 10, 0, 5]);
    expect(points(content)).toEqual([...outer].reverse().concat([...hole].reverse()));
  });

  test('a multipolygon: every ring a part', () => {
    const square = (x: number) => [[x, 0], [x, 1], [x + 1, 1], [x + 1, 0], [x, 0]];
    const { content } = shapeContent({ type: 'MultiPolygon', coordinates: [[square(0)], [square(5)]] }, 'polygon');
    expect([content.readInt32LE(36), content.readInt32LE(40), content.readInt32LE(48)]).toEqual([2, 10, 5]);
    // Already clockwise: kept as given.
    expect(points(content)).toEqual([...square(0), ...square(5)]);
  });

  test('a multipoint: type 8, box, count, then every point', () => {
    const { content, bounds } = shapeContent({ type: 'MultiPoint', coordinates: [[3, -1], [-2, 5], [0, 0]] }, 'multipoint');
    expect(bounds).toEqual([-2, -1, 3, 5]);
    expect(content.length).toBe(40 + 3 * 16);
    expect([content.readInt32LE(0), content.readDoubleLE(4), content.readDoubleLE(12), content.readDoubleLE(20), content.readDoubleLE(28), content.readInt32LE(36)]).toEqual([8, -2, -1, 3, 5, 3]);
    expect([0, 1, 2].map((i) => [content.readDoubleLE(40 + 16 * i), content.readDoubleLE(48 + 16 * i)])).toEqual([[3, -1], [-2, 5], [0, 0]]);
  });

  test('a line string and a multilinestring: type 3, one part per line, positions in their order', () => {
    const one = shapeContent({ type: 'LineString', coordinates: [[0, 0], [2, 1], [1, 3]] }, 'line');
    expect(one.content.length).toBe(44 + 4 + 3 * 16);
    expect([one.content.readInt32LE(0), one.content.readInt32LE(36), one.content.readInt32LE(40), one.content.readInt32LE(44)]).toEqual([3, 1, 3, 0]);
    expect(points(one.content)).toEqual([[0, 0], [2, 1], [1, 3]]);
    expect([one.content.readDoubleLE(4), one.content.readDoubleLE(12), one.content.readDoubleLE(20), one.content.readDoubleLE(28)]).toEqual([0, 0, 2, 3]);
    const two = shapeContent({ type: 'MultiLineString', coordinates: [[[5, 5], [6, 6]], [[1, 1], [0, 2], [3, 3]]] }, 'line');
    expect([two.content.readInt32LE(36), two.content.readInt32LE(40), two.content.readInt32LE(44), two.content.readInt32LE(48)]).toEqual([2, 5, 0, 2]);
    expect(points(two.content)).toEqual([[5, 5], [6, 6], [1, 1], [0, 2], [3, 3]]);
    expect(two.bounds).toEqual([0, 1, 6, 6]);
  });

  test('a polygon given clockwise with a counter-clockwise hole is kept as it is', () => {
    const outer = [[0, 0], [0, 4], [4, 4], [4, 0], [0, 0]];
    const hole = [[1, 1], [2, 1], [2, 2], [1, 2], [1, 1]];
    expect(points(shapeContent({ type: 'Polygon', coordinates: [outer, hole] }, 'polygon').content)).toEqual([...outer, ...hole]);
  });

  test('a ring without area (its points on one line) keeps its order, outer or hole', () => {
    const flat = [[0, 0], [1, 1], [2, 2], [0, 0]];
    const outer = [[0, 0], [0, 4], [4, 4], [4, 0], [0, 0]];
    expect(points(shapeContent({ type: 'Polygon', coordinates: [flat] }, 'polygon').content)).toEqual(flat);
    expect(points(shapeContent({ type: 'Polygon', coordinates: [outer, flat] }, 'polygon').content)).toEqual([...outer, ...flat]);
  });

  test('the null shape is its type, 0, alone', () => {
    expect([...NULL_SHAPE]).toEqual([0, 0, 0, 0]);
  });

  test('a geometry without a position is a null shape, without bounds', () => {
    expect(shapeContent({ type: 'MultiPoint', coordinates: [] }, 'multipoint')).toEqual({ content: NULL_SHAPE, bounds: null });
    expect(shapeContent({ type: 'LineString', coordinates: [] }, 'line')).toEqual({ content: NULL_SHAPE, bounds: null });
    expect(shapeContent({ type: 'MultiPolygon', coordinates: [] }, 'polygon')).toEqual({ content: NULL_SHAPE, bounds: null });
  });
});

describe('shapeKind and SHAPE_TYPES', () => {
  test('each GeoJSON type to its file set; a collection to none', () => {
    const kinds = (['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon'] as const)
      .map((type) => shapeKind({ type, coordinates: [] } as never));
    expect(kinds).toEqual(['point', 'multipoint', 'line', 'line', 'polygon', 'polygon']);
    expect(shapeKind({ type: 'GeometryCollection', geometries: [] })).toBeNull();
  });

  test('the shape type codes of the ESRI description', () => {
    expect(SHAPE_TYPES).toEqual({ point: 1, line: 3, polygon: 5, multipoint: 8 });
  });
});
