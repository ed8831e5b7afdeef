import { resolveCrs, type Crs } from '../geo/crs';
import { BUNDLED_CRS } from '../geo/crsDefinitions';

/**
 * The coordinate systems `reproject` writes to: the ones src/geo/crs.ts resolves (the bundled EPSG
 * codes, given as `EPSG:n`, its URN or URL form, or CRS84), the same as uploads are read from.
 */
export const KNOWN_CRS: readonly string[] = [...BUNDLED_CRS.keys()].sort((a, b) => a - b).map((code) => `EPSG:${code}`);

/** "epsg:2154" → "EPSG:2154"; the code as written otherwise. */
export const normalCrs = (code: string): string => code.trim().toUpperCase();

function resolved(code: string): Crs | undefined {
  try {
    return resolveCrs(code);
  } catch {
    return undefined;
  }
}

/** True for a CRS given by code (not WKT: a rule's config names its CRS) that is resolved here. */
export const isKnownCrs = (code: string): boolean => !/^\s*[A-Za-z_]+\s*[[(]/.test(code) && resolved(code) !== undefined;

/** From WGS84 longitude/latitude to a known CRS, and back. */
export interface Projection {
  forward(lon: number, lat: number): [number, number];
  inverse(x: number, y: number): [number, number];
}

/** The projection to a known CRS; undefined for one that is not. */
export function projectionTo(code: string): Projection | undefined {
  const crs = isKnownCrs(code) ? resolved(code) : undefined;
  if (!crs) return undefined;
  return {
    forward: (lon, lat) => crs.fromWgs84([lon, lat]) as [number, number],
    inverse: (x, y) => crs.toWgs84([x, y]) as [number, number],
  };
}
