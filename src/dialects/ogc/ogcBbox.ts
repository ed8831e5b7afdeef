import { AppError } from '../../errors/catalogue';
import { boxOutline } from '../../geo/boxOutline';
import type { GeoFilter } from '../../model/recordsRequest';
import { fromOgcCrs, type OgcCrs } from './ogcCrs';

const bad = (message: string): AppError => new AppError('bad_parameter', message, { parameter: 'bbox' });

/**
 * `bbox` (4 numbers, or 6 with heights, which are left out) in the axis order of `bbox-crs` →
 * a geofilter in WGS 84. In CRS84 or EPSG:4326 it is a box (its west above its east crosses the
 * antimeridian); in a projected CRS, its outline, densified, as a polygon, so that it selects the
 * points inside the projected box.
 */
export function ogcBbox(text: string, c: OgcCrs): GeoFilter {
  const n = text.split(',').map((s) => (s.trim() === '' ? NaN : Number(s)));
  if ((n.length !== 4 && n.length !== 6) || n.some((x) => !Number.isFinite(x))) throw bad('bbox is four numbers, minx,miny,maxx,maxy in the axis order of bbox-crs (or six, with heights).');
  const [x1, y1, x2, y2] = n.length === 4 ? n : [n[0], n[1], n[3], n[4]];
  if (c.crs.isWgs84) {
    const [west, south, east, north] = c.latFirst ? [y1, x1, y2, x2] : [x1, y1, x2, y2];
    if (Math.abs(south) > 90 || Math.abs(north) > 90) throw bad('bbox latitudes must be within ±90.');
    if (Math.abs(west) > 180 || Math.abs(east) > 180) throw bad('bbox longitudes must be within ±180.');
    if (south > north) throw bad('bbox: the lower latitude is above the upper one.');
    return { kind: 'bbox', south, west, north, east };
  }
  if (x1 > x2 || y1 > y2) throw bad('bbox: a lower corner coordinate is above the upper one.');
  const outline = boxOutline(x1, y1, x2, y2, (p) => fromOgcCrs(c, p));
  if (outline.some(([lon, lat]) => !Number.isFinite(lon) || !Number.isFinite(lat) || Math.abs(lat) > 90)) throw bad(`bbox lies outside the area of ${c.uri}.`);
  return { kind: 'polygon', ring: outline.map(([lon, lat]): [number, number] => [lat, lon]) };
}
