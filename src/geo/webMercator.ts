/** Web Mercator pixel coordinates of a point at a zoom level (256-pixel tiles), and the tile that holds it. */
export function pixelOf(lat: number, lon: number, zoom: number): [number, number] {
  const size = 256 * 2 ** zoom;
  const sin = Math.min(Math.max(Math.sin((lat * Math.PI) / 180), -0.9999), 0.9999);
  return [((lon + 180) / 360) * size, (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * size];
}

export function tileOf(lat: number, lon: number, zoom: number): [number, number] {
  const [x, y] = pixelOf(lat, lon, zoom);
  const max = 2 ** zoom - 1;
  return [Math.min(max, Math.max(0, Math.floor(x / 256))), Math.min(max, Math.max(0, Math.floor(y / 256)))];
}

/** The [west, south, east, north] box of a tile. */
export function tileBounds(x: number, y: number, zoom: number): [number, number, number, number] {
  const n = 2 ** zoom;
  const lat = (t: number): number => (Math.atan(Math.sinh(Math.PI * (1 - (2 * t) / n))) * 180) / Math.PI;
  return [(x / n) * 360 - 180, lat(y + 1), ((x + 1) / n) * 360 - 180, lat(y)];
}
