import { namesWithoutNul, withoutNul } from '../../../src/ingest/withoutNul';

describe('withoutNul', () => {
  test('a text loses its NUL characters, and they are counted', () => {
    expect(withoutNul('a\u0000b\u0000\u0000c')).toEqual({ value: 'abc', removed: 3 });
    expect(withoutNul('\u0000')).toEqual({ value: '', removed: 1 });
  });

  test('a value without NUL is handed back as it is, the same object', () => {
    const list = ['a', 'b'];
    const point = { type: 'Point' as const, coordinates: [1, 2] };
    expect(withoutNul(list).value).toBe(list);
    expect(withoutNul(point).value).toBe(point);
    expect(withoutNul(42)).toEqual({ value: 42, removed: 0 });
  });

  test('a list is cleaned item by item, without changing the list it was given', () => {
    const list = ['ok', 'n\u0000o', '\u0000'];
    expect(withoutNul(list)).toEqual({ value: ['ok', 'no', ''], removed: 2 });
    expect(list).toEqual(['ok', 'n\u0000o', '\u0000']);
  });

  test("a geometry's foreign members and their names are cleaned, in a collection too; coordinates are kept", () => {
    const shape = {
      type: 'GeometryCollection',
      geometries: [{ type: 'Point', coordinates: [2.35, 48.85], 'so\u0000urce': 'x\u0000' }],
      note: '\u0000n',
    };
    const { value, removed } = withoutNul(shape as never);
    expect(removed).toBe(3);
    expect(value).toEqual({ type: 'GeometryCollection', geometries: [{ type: 'Point', coordinates: [2.35, 48.85], source: 'x' }], note: 'n' });
    expect(shape.geometries[0]).toHaveProperty(['so\u0000urce'], 'x\u0000');
  });
});

describe('namesWithoutNul', () => {
  test('names lose their NUL characters, in the order of the row; values are left to withoutNul', () => {
    expect(Object.entries(namesWithoutNul({ 'na\u0000me': 'a\u0000', n: 1, '\u0000x\u0000': true }))).toEqual([['name', 'a\u0000'], ['n', 1], ['x', true]]);
  });

  test('a name that becomes one already in the row leaves its value as it was', () => {
    expect(namesWithoutNul({ name: 'first', 'na\u0000me': 'second' })).toEqual({ name: 'first' });
    expect(namesWithoutNul({ 'na\u0000me': 'first', name: 'second' })).toEqual({ name: 'first' });
  });

  test('a property named __proto__ stays a property of the row (as JSON.parse gives it), not its prototype', () => {
    const row = namesWithoutNul(JSON.parse('{"__proto__": {"x": 1}, "a\\u0000": 2}') as Record<string, unknown>);
    expect(Object.entries(row)).toEqual([['__proto__', { x: 1 }], ['a', 2]]);
    expect(row.x).toBeUndefined();
  });

  test('a row without NUL in its names is handed back as it is', () => {
    const row = { a: 'x\u0000' };
    expect(namesWithoutNul(row)).toBe(row);
  });
});
