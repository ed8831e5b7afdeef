import type { GeoJsonGeometry, Position } from './geoJsonGeometry';

/** WKB geometry type codes (OGC simple features, 2D). */
const CODES: Record<GeoJsonGeometry['type'], number> = {
  Point: 1, LineString: 2, Polygon: 3, MultiPoint: 4, MultiLineString: 5, MultiPolygon: 6, GeometryCollection: 7,
};

/** The bytes a geometry takes in 2D little-endian WKB. */
function wkbSize(g: GeoJsonGeometry): number {
  switch (g.type) {
    case 'Point': return 21;
    case 'LineString': return 9 + 16 * g.coordinates.length;
    case 'Polygon': return 9 + g.coordinates.reduce((n, ring) => n + 4 + 16 * ring.length, 0);
    case 'MultiPoint': return 9 + 21 * g.coordinates.length;
    case 'MultiLineString': return 9 + g.coordinates.reduce((n, line) => n + 9 + 16 * line.length, 0);
    case 'MultiPolygon': return 9 + g.coordinates.reduce((n, poly) => n + wkbSize({ type: 'Polygon', coordinates: poly }), 0);
    case 'GeometryCollection': return 9 + g.geometries.reduce((n, m) => n + wkbSize(m), 0);
  }
}

class WkbWriter {
  offset = 0;
  constructor(readonly buf: Buffer) {}
  header(code: number): void { this.buf.writeUInt8(1, this.offset); this.buf.writeUInt32LE(code, this.offset + 1); this.offset += 5; }
  count(n: number): void { this.buf.writeUInt32LE(n, this.offset); this.offset += 4; }
  position(p: Position): void { this.buf.writeDoubleLE(p[0], this.offset); this.buf.writeDoubleLE(p[1], this.offset + 8); this.offset += 16; }
  positions(ps: readonly Position[]): void { this.count(ps.length); for (const p of ps) this.position(p); }
  rings(rs: readonly Position[][]): void { this.count(rs.length); for (const r of rs) this.positions(r); }

  geometry(g: GeoJsonGeometry): void {
    this.header(CODES[g.type]);
    switch (g.type) {
      case 'Point': this.position(g.coordinates); return;
      case 'LineString': this.positions(g.coordinates); return;
      case 'Polygon': this.rings(g.coordinates); return;
      case 'MultiPoint': this.count(g.coordinates.length); for (const p of g.coordinates) this.geometry({ type: 'Point', coordinates: p }); return;
      case 'MultiLineString': this.count(g.coordinates.length); for (const l of g.coordinates) this.geometry({ type: 'LineString', coordinates: l }); return;
      case 'MultiPolygon': this.count(g.coordinates.length); for (const p of g.coordinates) this.geometry({ type: 'Polygon', coordinates: p }); return;
      case 'GeometryCollection': this.count(g.geometries.length); for (const m of g.geometries) this.geometry(m); return;
    }
  }
}

/**
 * GeoJSON → 2D little-endian Well-Known Binary (the inverse of decodeWkb for 2D data): the
 * geometry of a GeoPackage blob. A third coordinate is dropped (stored geometries are 2D).
 */
export function encodeWkb(g: GeoJsonGeometry): Buffer {
  const w = new WkbWriter(Buffer.alloc(wkbSize(g)));
  w.geometry(g);
  return w.buf;
}
