import type { GeoJsonGeometry, Position } from './geoJsonGeometry';

/**
 * Well-Known Binary (OGC simple features, ISO and extended flavours) → GeoJSON: Point,
 * LineString, Polygon, their Multi forms and GeometryCollection. Z and M are read and dropped
 * (ISO codes 1000/2000/3000 + type, or the EWKB flag bits); an EWKB SRID is skipped. An empty
 * point (NaN coordinates) and any geometry without positions give null; empty members of a
 * Multi* or collection are left out. Curves, surfaces and TINs are an Error naming the type.
 */
export function decodeWkb(bytes: Uint8Array): GeoJsonGeometry | null {
  return new WkbReader(bytes).geometry();
}

const NAMES = ['Geometry', 'Point', 'LineString', 'Polygon', 'MultiPoint', 'MultiLineString', 'MultiPolygon', 'GeometryCollection'];
const EWKB_Z = 0x80000000;
const EWKB_M = 0x40000000;
const EWKB_SRID = 0x20000000;

function nonEmpty(g: GeoJsonGeometry): GeoJsonGeometry | null {
  return (g.type === 'GeometryCollection' ? g.geometries : g.coordinates).length > 0 ? g : null;
}

class WkbReader {
  private offset = 0;
  private little = true;
  private readonly view: DataView;

  constructor(private readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  private need(n: number): void {
    if (this.offset + n > this.bytes.length) throw new Error(`WKB ends early (byte ${this.offset} of ${this.bytes.length})`);
  }

  private uint32(): number {
    this.need(4);
    const v = this.view.getUint32(this.offset, this.little);
    this.offset += 4;
    return v;
  }

  private double(): number {
    this.need(8);
    const v = this.view.getFloat64(this.offset, this.little);
    this.offset += 8;
    return v;
  }

  private position(dims: number): Position {
    const x = this.double();
    const y = this.double();
    for (let i = 2; i < dims; i++) this.double();
    return [x, y];
  }

  private positions(dims: number): Position[] {
    const n = this.uint32();
    const out: Position[] = [];
    for (let i = 0; i < n; i++) out.push(this.position(dims));
    return out;
  }

  private rings(dims: number): Position[][] {
    const n = this.uint32();
    const out: Position[][] = [];
    for (let i = 0; i < n; i++) out.push(this.positions(dims));
    return out;
  }

  /** The type code without its dimension flags, and how many ordinates each position has. */
  private header(): { type: number; dims: number } {
    this.need(1);
    const order = this.bytes[this.offset++];
    if (order !== 0 && order !== 1) throw new Error(`bad WKB byte order ${order} at byte ${this.offset - 1}`);
    this.little = order === 1;
    const raw = this.uint32();
    let dims = 2 + (raw & EWKB_Z ? 1 : 0) + (raw & EWKB_M ? 1 : 0);
    if (raw & EWKB_SRID) this.uint32();
    const iso = raw & 0x0fffffff;
    const thousands = Math.floor(iso / 1000);
    if (thousands === 1 || thousands === 2) dims += 1;
    if (thousands === 3) dims += 2;
    return { type: iso % 1000, dims };
  }

  /** The members of a Multi* or collection, each a full WKB geometry of the expected type. */
  private members(expected?: number): GeoJsonGeometry[] {
    const n = this.uint32();
    const out: GeoJsonGeometry[] = [];
    for (let i = 0; i < n; i++) {
      const g = this.geometry(expected);
      if (g) out.push(g);
    }
    return out;
  }

  geometry(expected?: number): GeoJsonGeometry | null {
    const start = this.offset;
    const { type, dims } = this.header();
    if (expected !== undefined && type !== expected) throw new Error(`a ${NAMES[expected]} holds a ${NAMES[type] ?? `type ${type}`} at byte ${start}`);
    switch (type) {
      case 1: {
        const p = this.position(dims);
        return Number.isNaN(p[0]) && Number.isNaN(p[1]) ? null : { type: 'Point', coordinates: p };
      }
      case 2: return nonEmpty({ type: 'LineString', coordinates: this.positions(dims) });
      case 3: return nonEmpty({ type: 'Polygon', coordinates: this.rings(dims) });
      case 4: return nonEmpty({ type: 'MultiPoint', coordinates: this.members(1).map((g) => (g as { coordinates: Position }).coordinates) });
      case 5: return nonEmpty({ type: 'MultiLineString', coordinates: this.members(2).map((g) => (g as { coordinates: Position[] }).coordinates) });
      case 6: return nonEmpty({ type: 'MultiPolygon', coordinates: this.members(3).map((g) => (g as { coordinates: Position[][] }).coordinates) });
      case 7: return nonEmpty({ type: 'GeometryCollection', geometries: this.members() });
      default: throw new Error(`unsupported WKB geometry type ${type} (curves, surfaces and TINs are not read)`);
    }
  }
}
