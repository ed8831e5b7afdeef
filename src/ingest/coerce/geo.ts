import { Coerced, empty, invalid, isBlank, show, value } from './result';
import type { LatLon, Position, Geometry } from '../../model/values';

const POINT_TEXT = /^\s*\[?\s*([+-]?\d+(?:\.\d+)?)\s*,\s*([+-]?\d+(?:\.\d+)?)\s*\]?\s*$/;

function latLon(lat: unknown, lon: unknown): LatLon | undefined {
  if (typeof lat !== 'number' || typeof lon !== 'number') return undefined;
  if (!Number.isFinite(lat) || !Number.isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180) return undefined;
  return [lat, lon];
}

/** geo_point_2d from `"lat,lon"`, `"lat, lon"`, `[lat, lon]` (a JSON array or its text) or `{lat, lon}`. */
export function coerceGeoPoint(raw: unknown): Coerced<LatLon> {
  if (isBlank(raw)) return empty;
  let point: LatLon | undefined;
  if (typeof raw === 'string') {
    const m = POINT_TEXT.exec(raw);
    point = m ? latLon(Number(m[1]), Number(m[2])) : undefined;
  } else if (Array.isArray(raw) && raw.length === 2) {
    point = latLon(raw[0], raw[1]);
  } else if (typeof raw === 'object' && raw !== null && 'lat' in raw && 'lon' in raw) {
    point = latLon((raw as { lat: unknown }).lat, (raw as { lon: unknown }).lon);
  }
  return point ? value(point) : invalid(`not a "lat,lon" point within range: ${show(raw)}`);
}

function isPosition(p: unknown): p is Position {
  return Array.isArray(p) && (p.length === 2 || p.length === 3) && p.every((n) => typeof n === 'number' && Number.isFinite(n))
    && Math.abs(p[0] as number) <= 180 && Math.abs(p[1] as number) <= 90;
}
const isPositions = (a: unknown, min: number): a is Position[] => Array.isArray(a) && a.length >= min && a.every(isPosition);
const isRing = (a: unknown): a is Position[] =>
  isPositions(a, 4) && a[0][0] === a[a.length - 1][0] && a[0][1] === a[a.length - 1][1];
const isPolygon = (a: unknown): a is Position[][] => Array.isArray(a) && a.length >= 1 && a.every(isRing);

/** Why a GeoJSON geometry is unusable, or undefined when it is valid (lon,lat order, closed rings). */
export function geometryProblem(g: unknown, depth = 0): string | undefined {
  if (typeof g !== 'object' || g === null || Array.isArray(g)) return 'not a GeoJSON geometry object';
  const { type, coordinates, geometries } = g as { type?: unknown; coordinates?: unknown; geometries?: unknown };
  switch (type) {
    case 'Point': return isPosition(coordinates) ? undefined : 'Point needs one [lon, lat] position within range';
    case 'MultiPoint': return isPositions(coordinates, 1) ? undefined : 'MultiPoint needs positions within range';
    case 'LineString': return isPositions(coordinates, 2) ? undefined : 'LineString needs two positions or more';
    case 'MultiLineString':
      return Array.isArray(coordinates) && coordinates.length > 0 && coordinates.every((l) => isPositions(l, 2)) ? undefined : 'bad MultiLineString';
    case 'Polygon': return isPolygon(coordinates) ? undefined : 'Polygon rings need 4 positions or more, closed, within range';
    case 'MultiPolygon':
      return Array.isArray(coordinates) && coordinates.length > 0 && coordinates.every(isPolygon) ? undefined : 'bad MultiPolygon';
    case 'GeometryCollection':
      if (depth > 0 || !Array.isArray(geometries) || geometries.length === 0) return 'bad GeometryCollection';
      return geometries.map((x) => geometryProblem(x, depth + 1)).find((p) => p !== undefined);
    default: return `unknown geometry type ${show(type)}`;
  }
}

/** geo_shape from a GeoJSON geometry (object or JSON text); a Feature gives its geometry. */
export function coerceGeoShape(raw: unknown): Coerced<Geometry> {
  if (isBlank(raw)) return empty;
  let g: unknown = raw;
  if (typeof raw === 'string') {
    try { g = JSON.parse(raw); } catch { return invalid(`not GeoJSON: ${show(raw)}`); }
  }
  if (typeof g === 'object' && g !== null && (g as { type?: unknown }).type === 'Feature') g = (g as { geometry?: unknown }).geometry;
  if (isBlank(g)) return empty;
  const problem = geometryProblem(g);
  return problem ? invalid(`${problem}: ${show(raw)}`) : value(g as Geometry);
}
