import { shapeContent } from '../../../../src/render/gis/shpShape';

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
});
