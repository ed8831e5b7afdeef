import type { EsQuery } from './esQuery';

/** Within `metres` of a point (#distance, geofilter.distance). */
export function distanceClause(path: string, lat: number, lon: number, metres: number): EsQuery {
  return { geo_distance: { distance: `${metres}m`, [path]: { lat, lon } } };
}

/**
 * Inside a polygon given as a closed ring of [lat, lon] (#polygon, geofilter.polygon): a
 * geo_shape query on the geo_point, whose GeoJSON wants [lon, lat].
 */
export function polygonClause(path: string, ring: Array<[number, number]>): EsQuery {
  const coordinates = [ring.map(([lat, lon]) => [lon, lat])];
  return { geo_shape: { [path]: { shape: { type: 'polygon', coordinates }, relation: 'intersects' } } };
}
