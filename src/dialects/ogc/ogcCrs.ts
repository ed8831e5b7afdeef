import { AppError } from '../../errors/catalogue';
import { crsOfEpsg, type Crs } from '../../geo/crs';
import type { Position } from '../../geo/geoJsonGeometry';

/** WGS 84 longitude, latitude: the default CRS of OGC API – Features. */
export const CRS84 = 'http://www.opengis.net/def/crs/OGC/1.3/CRS84';
const epsgUri = (code: number): string => `http://www.opengis.net/def/crs/EPSG/0/${code}`;

/** A CRS a client may ask for: its URI, its transforms, and whether its first axis is latitude (EPSG:4326). */
export interface OgcCrs { uri: string; crs: Crs; latFirst: boolean }

/**
 * The CRSs every collection offers (Part 2): CRS84, WGS 84 in its EPSG axis order (latitude
 * first), Lambert-93 and Web Mercator, all from src/geo/crs.ts.
 */
export const OGC_CRS: readonly OgcCrs[] = [
  { uri: CRS84, crs: crsOfEpsg(4326), latFirst: false },
  { uri: epsgUri(4326), crs: crsOfEpsg(4326), latFirst: true },
  { uri: epsgUri(2154), crs: crsOfEpsg(2154), latFirst: false },
  { uri: epsgUri(3857), crs: crsOfEpsg(3857), latFirst: false },
];

/** A `crs` or `bbox-crs` value: one of OGC_CRS by its URI (a client names CRSs as the collection lists them); anything else is a 400. */
export function ogcCrs(text: string | undefined, parameter: string): OgcCrs {
  if (text === undefined) return OGC_CRS[0];
  const t = text.trim().replace(/^<(.*)>$/, '$1');
  const found = OGC_CRS.find((c) => c.uri === t || c.uri.replace(/^http:/, 'https:') === t);
  if (found) return found;
  throw new AppError('bad_parameter', `Unsupported ${parameter} "${text.slice(0, 100)}": use one of ${OGC_CRS.map((c) => c.uri).join(', ')}.`, { parameter });
}

/** A WGS 84 lon/lat position in a CRS, in that CRS's axis order. */
export function toOgcCrs(c: OgcCrs, p: Position): Position {
  const xy = c.crs.fromWgs84(p);
  return c.latFirst ? [xy[1], xy[0], ...xy.slice(2)] : xy;
}

/** A position in a CRS's axis order → WGS 84 lon/lat. */
export function fromOgcCrs(c: OgcCrs, p: Position): Position {
  return c.crs.toWgs84(c.latFirst ? [p[1], p[0], ...p.slice(2)] : p);
}
