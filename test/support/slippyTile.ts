/**
 * The tests' own Web Mercator tile arithmetic, written from the OpenStreetMap "slippy map
 * tilenames" definition (x from the longitude, y = (1 − asinh(tan φ)/π)/2 · 2^zoom), independently
 * of src/geo/webMercator.ts: the oracle for which grid cell a point falls in.
 */
export function tileOfPoint(lat: number, lon: number, zoom: number): { x: number; y: number } {
  const n = 2 ** zoom;
  const phi = (lat * Math.PI) / 180;
  const clamp = (v: number) => Math.min(n - 1, Math.max(0, Math.floor(v)));
  return { x: clamp(((lon + 180) / 360) * n), y: clamp(((1 - Math.asinh(Math.tan(phi)) / Math.PI) / 2) * n) };
}

/** The tile's corners, from the inverse formula: longitude linear in x, latitude = atan(sinh(π(1 − 2y/2^zoom))). */
export function tileBox(x: number, y: number, zoom: number): { west: number; south: number; east: number; north: number } {
  const n = 2 ** zoom;
  const lat = (t: number) => (Math.atan(Math.sinh(Math.PI * (1 - (2 * t) / n))) * 180) / Math.PI;
  return { west: (x / n) * 360 - 180, east: ((x + 1) / n) * 360 - 180, north: lat(y), south: lat(y + 1) };
}

/** A tile as `zoom/x/y`, the spelling of Elasticsearch's geotile_grid keys. */
export const tileKey = (lat: number, lon: number, zoom: number): string => {
  const { x, y } = tileOfPoint(lat, lon, zoom);
  return `${zoom}/${x}/${y}`;
};

/** One pixel of a 256-pixel tile at `zoom`, in degrees of longitude: the tile's width (tileBox) over 256. */
export function pixelDegrees(zoom: number): number {
  const box = tileBox(0, 0, zoom);
  return (box.east - box.west) / 256;
}
