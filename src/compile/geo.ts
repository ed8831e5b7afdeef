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

/**
 * Inside a box given by its south-west and north-east corners (geofilter.bbox). A box whose west
 * edge is east of its east edge crosses the antimeridian: it is the union of two boxes.
 */
export function bboxClause(path: string, south: number, west: number, north: number, east: number): EsQuery {
  const box = (w: number, e: number): EsQuery => ({
    geo_bounding_box: { [path]: { top_left: { lat: north, lon: w }, bottom_right: { lat: south, lon: e } } },
  });
  return west <= east ? box(west, east) : { bool: { should: [box(west, 180), box(-180, east)], minimum_should_match: 1 } };
}
