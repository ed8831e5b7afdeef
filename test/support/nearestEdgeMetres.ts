/** Metres per degree of latitude on the sphere of the Earth's mean radius (6371008.8 m). */
const METRES_PER_DEGREE = (2 * Math.PI * 6371008.8) / 360;

type Position = number[];

/** Every ring or line of a Polygon, MultiPolygon, LineString or MultiLineString. */
export function ringsOf(geometry: { type: string; coordinates: unknown }): Position[][] {
  switch (geometry.type) {
    case 'LineString': return [geometry.coordinates as Position[]];
    case 'Polygon': case 'MultiLineString': return geometry.coordinates as Position[][];
    case 'MultiPolygon': return (geometry.coordinates as Position[][][]).flat();
    default: throw new Error(`no rings in a ${geometry.type}`);
  }
}

/**
 * The distance in metres from a [lon, lat] point to the nearest edge of a shape, in the local
 * equirectangular plane of the point (x = lon · cos(lat₀), y = lat, both times the metres of a
 * degree): exact enough for edges of a few kilometres, written here for the tests only.
 */
export function nearestEdgeMetres([lon0, lat0]: Position, geometry: { type: string; coordinates: unknown }): number {
  const cos = Math.cos((lat0 * Math.PI) / 180);
  const plane = ([lon, lat]: Position): [number, number] => [(lon - lon0) * cos * METRES_PER_DEGREE, (lat - lat0) * METRES_PER_DEGREE];
  let best = Infinity;
  for (const ring of ringsOf(geometry)) {
    for (let i = 0; i + 1 < ring.length; i++) {
      const [ax, ay] = plane(ring[i]);
      const [bx, by] = plane(ring[i + 1]);
      const dx = bx - ax, dy = by - ay;
      const length2 = dx * dx + dy * dy;
      const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / length2));
      best = Math.min(best, Math.hypot(ax + t * dx, ay + t * dy));
    }
  }
  return best;
}
