import type { GeoJsonGeometry, Position } from './geoJsonGeometry';

/** A GeoJSON geometry with every position mapped by `transform` (any type, collections included); the input is left as it was. */
export function reprojectGeometry(g: GeoJsonGeometry, transform: (p: Position) => Position): GeoJsonGeometry {
  switch (g.type) {
    case 'Point': return { type: g.type, coordinates: transform(g.coordinates) };
    case 'MultiPoint':
    case 'LineString': return { type: g.type, coordinates: g.coordinates.map(transform) };
    case 'MultiLineString':
    case 'Polygon': return { type: g.type, coordinates: g.coordinates.map((ring) => ring.map(transform)) };
    case 'MultiPolygon': return { type: g.type, coordinates: g.coordinates.map((poly) => poly.map((ring) => ring.map(transform))) };
    case 'GeometryCollection': return { type: g.type, geometries: g.geometries.map((x) => reprojectGeometry(x, transform)) };
  }
}
