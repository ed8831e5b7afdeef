import { decodeWkb } from '../../../src/geo/wkb';

/**
 * WKB written here by hand, byte by byte from the OGC layout (byte order, uint32 type, then
 * counts and doubles), independently of the decoder.
 */
class Wkb {
  private readonly parts: Buffer[] = [];

  constructor(private readonly little = true) {}

  header(type: number): this {
    const b = Buffer.alloc(5);
    b[0] = this.little ? 1 : 0;
    if (this.little) b.writeUInt32LE(type >>> 0, 1); else b.writeUInt32BE(type >>> 0, 1);
    this.parts.push(b);
    return this;
  }

  uint(n: number): this {
    const b = Buffer.alloc(4);
    if (this.little) b.writeUInt32LE(n, 0); else b.writeUInt32BE(n, 0);
    this.parts.push(b);
    return this;
  }

  doubles(...values: number[]): this {
    for (const v of values) {
      const b = Buffer.alloc(8);
      if (this.little) b.writeDoubleLE(v, 0); else b.writeDoubleBE(v, 0);
      this.parts.push(b);
    }
    return this;
  }

  bytes(): Buffer {
    return Buffer.concat(this.parts);
  }
}

describe('decodeWkb', () => {
  test('a 2D point, little- and big-endian', () => {
    expect(decodeWkb(new Wkb().header(1).doubles(2.35, 48.85).bytes())).toEqual({ type: 'Point', coordinates: [2.35, 48.85] });
    expect(decodeWkb(new Wkb(false).header(1).doubles(-1.5, 47.2).bytes())).toEqual({ type: 'Point', coordinates: [-1.5, 47.2] });
  });

  test('ISO Z, M and ZM drop the extra ordinates', () => {
    expect(decodeWkb(new Wkb().header(1002).uint(2).doubles(1, 2, 10, 3, 4, 20).bytes())).toEqual({ type: 'LineString', coordinates: [[1, 2], [3, 4]] });
    const ring = [0, 0, 9, 1, 0, 9, 1, 1, 9, 0, 0, 9];
    expect(decodeWkb(new Wkb().header(2003).uint(1).uint(4).doubles(...ring).bytes()))
      .toEqual({ type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] });
    const point = (x: number, y: number) => new Wkb().header(3001).doubles(x, y, 5, 6).bytes();
    const multi = Buffer.concat([new Wkb().header(3004).uint(2).bytes(), point(1, 2), point(3, 4)]);
    expect(decodeWkb(multi)).toEqual({ type: 'MultiPoint', coordinates: [[1, 2], [3, 4]] });
  });

  test('EWKB: the Z flag and an SRID', () => {
    const b = new Wkb().header(0x80000000 | 0x20000000 | 1).uint(2154).doubles(700000, 6600000, 35).bytes();
    expect(decodeWkb(b)).toEqual({ type: 'Point', coordinates: [700000, 6600000] });
  });

  test('MultiPolygon, MultiLineString and GeometryCollection hold full geometries', () => {
    const square = new Wkb().header(3).uint(1).uint(4).doubles(0, 0, 2, 0, 2, 2, 0, 0).bytes();
    expect(decodeWkb(Buffer.concat([new Wkb().header(6).uint(2).bytes(), square, square])))
      .toEqual({ type: 'MultiPolygon', coordinates: [[[[0, 0], [2, 0], [2, 2], [0, 0]]], [[[0, 0], [2, 0], [2, 2], [0, 0]]]] });
    const line = new Wkb(false).header(2).uint(2).doubles(5, 6, 7, 8).bytes();
    expect(decodeWkb(Buffer.concat([new Wkb().header(5).uint(1).bytes(), line]))).toEqual({ type: 'MultiLineString', coordinates: [[[5, 6], [7, 8]]] });
    const point = new Wkb().header(1).doubles(1, 1).bytes();
    expect(decodeWkb(Buffer.concat([new Wkb().header(7).uint(2).bytes(), point, line]))).toEqual({
      type: 'GeometryCollection', geometries: [{ type: 'Point', coordinates: [1, 1] }, { type: 'LineString', coordinates: [[5, 6], [7, 8]] }],
    });
  });

  test('empty geometries are null; empty members are left out', () => {
    expect(decodeWkb(new Wkb().header(1).doubles(NaN, NaN).bytes())).toBeNull();
    expect(decodeWkb(new Wkb().header(2).uint(0).bytes())).toBeNull();
    expect(decodeWkb(new Wkb().header(6).uint(0).bytes())).toBeNull();
    const empty = new Wkb().header(1).doubles(NaN, NaN).bytes();
    const point = new Wkb().header(1).doubles(3, 4).bytes();
    expect(decodeWkb(Buffer.concat([new Wkb().header(4).uint(2).bytes(), empty, point]))).toEqual({ type: 'MultiPoint', coordinates: [[3, 4]] });
  });

  test('what cannot be read says why', () => {
    expect(() => decodeWkb(new Wkb().header(8).uint(0).bytes())).toThrow('unsupported WKB geometry type 8 (curves, surfaces and TINs are not read)');
    expect(() => decodeWkb(new Wkb().header(2).uint(3).doubles(1, 2).bytes())).toThrow('WKB ends early (byte 25 of 25)');
    expect(() => decodeWkb(Buffer.from([7, 1, 0, 0, 0]))).toThrow('bad WKB byte order 7 at byte 0');
    const line = new Wkb().header(2).uint(2).doubles(5, 6, 7, 8).bytes();
    expect(() => decodeWkb(Buffer.concat([new Wkb().header(6).uint(1).bytes(), line]))).toThrow('a Polygon holds a LineString at byte 9');
  });
});
