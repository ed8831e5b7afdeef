import proj4 from 'proj4';
import { SourceUnreadable } from '../errors/sourceUnreadable';
import { BUNDLED_CRS, bundledCodeOfName } from './crsDefinitions';
import type { Position } from './geoJsonGeometry';
import { horizontalCrs, parseWkt, WktNode, wktEpsgCode, wktName } from './wktTree';

/**
 * A coordinate reference system resolved to transforms between it and WGS 84 lon/lat.
 * Positions are always in the traditional GIS order, x (easting, longitude) first, whatever
 * axis order the CRS declares: that is how GeoJSON, GeoPackage and Shapefile data is written
 * (GDAL's OAMS_TRADITIONAL_GIS_ORDER), EPSG:4326 included. A third coordinate is kept as is.
 */
export interface Crs {
  /** How to name the CRS in messages and metadata: `EPSG:2154`, or the name a WKT gives. */
  label: string;
  /** The EPSG code, when the CRS has one. */
  epsg?: number;
  /** True for WGS 84 lon/lat itself: both transforms are the identity. */
  isWgs84: boolean;
  toWgs84(p: Position): Position;
  fromWgs84(p: Position): Position;
}

/** A CRS this server cannot resolve; the message names it and says what is accepted. */
export class UnknownCrs extends SourceUnreadable {
  constructor(message: string) {
    super(message);
    this.name = 'UnknownCrs';
  }
}

const EPSG_FORMS = [
  /^EPSG:(\d+)$/i,
  /^urn:ogc:def:crs:EPSG:[^:]*:(\d+)$/i,
  /^https?:\/\/www\.opengis\.net\/def\/crs\/EPSG\/[^/]+\/(\d+)$/i,
];
const CRS84_FORMS = [
  /^(OGC:)?CRS:?84$/i,
  /^urn:ogc:def:crs:OGC:[^:]*:CRS84$/i,
  /^https?:\/\/www\.opengis\.net\/def\/crs\/OGC\/[^/]+\/CRS84$/i,
];
const WKT_START = /^\s*[A-Za-z_]+\s*[[(]/;

const keep = (p: Position, xy: number[]): Position => (p.length > 2 ? [xy[0], xy[1], ...p.slice(2)] : [xy[0], xy[1]]);
const identity = (p: Position): Position => p;

/** Transforms through proj4, with the axis order forced to x (east) first. */
function throughProj4(definition: string, label: string, epsg?: number): Crs {
  const projection = new proj4.Proj(definition);
  projection.axis = 'enu';
  const converter = proj4(projection, proj4.WGS84);
  return {
    label, epsg, isWgs84: false,
    toWgs84: (p) => keep(p, converter.forward([p[0], p[1]])),
    fromWgs84: (p) => keep(p, converter.inverse([p[0], p[1]])),
  };
}

const cache = new Map<number, Crs>();

/** The CRS of a bundled EPSG code; any other code is an UnknownCrs. */
export function crsOfEpsg(code: number): Crs {
  let crs = cache.get(code);
  if (crs) return crs;
  const bundled = BUNDLED_CRS.get(code);
  if (!bundled) {
    throw new UnknownCrs(`unknown CRS EPSG:${code}: this server bundles ${[...BUNDLED_CRS.keys()].sort((a, b) => a - b).map((c) => `EPSG:${c}`).join(', ')}; `
      + 'give the CRS as WKT (the content of a .prj file) instead');
  }
  crs = code === 4326 ? { label: 'EPSG:4326', epsg: 4326, isWgs84: true, toWgs84: identity, fromWgs84: identity } : throughProj4(bundled.proj4, `EPSG:${code}`, code);
  cache.set(code, crs);
  return crs;
}

/**
 * A CRS from WKT (a .prj file, a GeoPackage srs definition): a bundled CRS when the WKT carries
 * its EPSG code or one of its names (ESRI .prj files carry no code, and their datum has no
 * shift to WGS 84, so the name is what finds the NTF shift); otherwise proj4's own reading of
 * the definition.
 */
export function crsOfWkt(wkt: string): Crs {
  let root: WktNode;
  try {
    root = horizontalCrs(parseWkt(wkt));
  } catch (err) {
    throw new UnknownCrs(`unreadable WKT CRS (${(err as Error).message}): ${wkt.trim().slice(0, 80)}`);
  }
  const name = wktName(root) ?? root.keyword;
  const code = wktEpsgCode(root) ?? bundledCodeOfName(name);
  if (code !== undefined && BUNDLED_CRS.has(code)) return crsOfEpsg(code);
  const label = code !== undefined ? `EPSG:${code} (${name})` : name;
  try {
    const crs = throughProj4(wkt, label, code);
    const probe = crs.toWgs84([0, 0]);
    if (!probe.every(Number.isFinite) && !crs.fromWgs84([0, 0]).every(Number.isFinite)) throw new Error('no usable transform');
    return crs;
  } catch (err) {
    throw new UnknownCrs(`unknown CRS ${label}: proj4 cannot use its WKT definition (${(err as Error).message})`);
  }
}

/**
 * Resolves a CRS given as `EPSG:2154`, `urn:ogc:def:crs:EPSG::2154`,
 * `http://www.opengis.net/def/crs/EPSG/0/2154`, CRS84 (any of its spellings), WKT or a PROJ
 * string (`+proj=…`). Anything else, and an EPSG code that is not bundled, is an UnknownCrs.
 */
export function resolveCrs(text: string): Crs {
  const t = text.trim();
  for (const form of EPSG_FORMS) {
    const m = form.exec(t);
    if (m) return crsOfEpsg(Number(m[1]));
  }
  if (CRS84_FORMS.some((f) => f.test(t))) return crsOfEpsg(4326);
  if (WKT_START.test(t)) return crsOfWkt(t);
  if (t.startsWith('+proj=')) {
    try {
      return throughProj4(t, t);
    } catch (err) {
      throw new UnknownCrs(`unknown CRS "${t.slice(0, 80)}": ${(err as Error).message}`);
    }
  }
  throw new UnknownCrs(`unknown CRS "${t.slice(0, 80)}": give it as EPSG:nnnn, urn:ogc:def:crs:EPSG::nnnn, http://www.opengis.net/def/crs/EPSG/0/nnnn, CRS84 or WKT`);
}
