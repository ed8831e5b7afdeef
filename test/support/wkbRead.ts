/** A geometry as read from Well-Known Binary, in GeoJSON's shape. */
export type WkbGeometry =
  | { type: 'Point'; coordinates: number[] }
  | { type: 'LineString' | 'MultiPoint'; coordinates: number[][] }
  | { type: 'Polygon' | 'MultiLineString'; coordinates: number[][][] }
  | { type: 'MultiPolygon'; coordinates: number[][][][] }
  | { type: 'GeometryCollection'; geometries: WkbGeometry[] };

const TYPES = ['', 'Point', 'LineString', 'Polygon', 'MultiPoint', 'MultiLineString', 'MultiPolygon', 'GeometryCollection'] as const;

/** 2D WKB (OGC Simple Features 1.2.1 §8.2), either byte order; `end` is where the geometry stops. */
export function readWkb(b: Buffer, start = 0): { geometry: WkbGeometry; end: number } {
  let at = start;
  let little = true;
  const u32 = (): number => { const v = little ? b.readUInt32LE(at) : b.readUInt32BE(at); at += 4; return v; };
  const f64 = (): number => { const v = little ? b.readDoubleLE(at) : b.readDoubleBE(at); at += 8; return v; };
  const point = (): number[] => [f64(), f64()];
  const points = (): number[][] => Array.from({ length: u32() }, point);
  const rings = (): number[][][] => Array.from({ length: u32() }, points);
  const geometry = (): WkbGeometry => {
    little = b[at] === 1;
    at += 1;
    const code = u32();
    const type = TYPES[code];
    const members = (): WkbGeometry[] => Array.from({ length: u32() }, geometry);
    switch (type) {
      case 'Point': return { type, coordinates: point() };
      case 'LineString': return { type, coordinates: points() };
      case 'Polygon': return { type, coordinates: rings() };
      case 'MultiPoint': return { type, coordinates: members().map((m) => (m as { coordinates: number[] }).coordinates) };
      case 'MultiLineString': return { type, coordinates: members().map((m) => (m as { coordinates: number[][] }).coordinates) };
      case 'MultiPolygon': return { type, coordinates: members().map((m) => (m as { coordinates: number[][][] }).coordinates) };
      case 'GeometryCollection': return { type, geometries: members() };
      default: throw new Error(`WKB geometry type ${code} at byte ${at - 5}`);
    }
  };
  const g = geometry();
  return { geometry: g, end: at };
}
