/** Every [x, y] position in nested GeoJSON coordinate arrays. */
function positions(v: unknown): Array<[number, number]> {
  if (!Array.isArray(v)) return [];
  if (v.length >= 2 && typeof v[0] === 'number' && typeof v[1] === 'number') return [[v[0], v[1]]];
  return v.flatMap(positions);
}

/**
 * The ODS `bbox` meta (a GeoJSON Feature or geometry, longitude first) as the WKT polygon of its
 * box, for dcat:bbox: `POLYGON((west south, east south, east north, west north, west south))`,
 * in CRS84 (GeoSPARQL's default, longitude first). Undefined when it holds no finite position.
 */
export function bboxWkt(bbox: unknown): string | undefined {
  if (typeof bbox !== 'object' || bbox === null) return undefined;
  const geometry = (bbox as { geometry?: unknown }).geometry ?? bbox;
  const points = positions((geometry as { coordinates?: unknown }).coordinates).filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y));
  if (points.length === 0) return undefined;
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const [w, e, s, n] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  return `POLYGON((${w} ${s}, ${e} ${s}, ${e} ${n}, ${w} ${n}, ${w} ${s}))`;
}
