import proj4 from 'proj4';

/**
 * The coordinate systems `reproject` knows, as PROJ strings (from the EPSG registry): French
 * Lambert-93 and the nine Conic Conformal zones CC42–CC50, NTF Lambert II étendu, UTM 31N, Web
 * Mercator and WGS84 itself. Kept here, small and independent, until src/geo/crs.ts (the upload
 * reprojection, proj4 with the same registry) is merged: then this table should go and reproject
 * should ask that module.
 */
const LCC_RGF93 = '+ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs';
const CONIC_ZONES = Object.fromEntries(
  Array.from({ length: 9 }, (_, i) => {
    const lat = 42 + i;
    return [`EPSG:${3942 + i}`, `+proj=lcc +lat_0=${lat} +lon_0=3 +lat_1=${lat - 0.75} +lat_2=${lat + 0.75} +x_0=1700000 +y_0=${1200000 + i * 1000000} ${LCC_RGF93}`];
  }),
);
const DEFINITIONS: Readonly<Record<string, string>> = {
  'EPSG:4326': '+proj=longlat +datum=WGS84 +no_defs',
  'EPSG:3857': '+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m +nadgrids=@null +no_defs',
  'EPSG:2154': `+proj=lcc +lat_0=46.5 +lon_0=3 +lat_1=49 +lat_2=44 +x_0=700000 +y_0=6600000 ${LCC_RGF93}`,
  'EPSG:27572': '+proj=lcc +lat_1=46.8 +lat_0=46.8 +lon_0=0 +k_0=0.99987742 +x_0=600000 +y_0=2200000 +a=6378249.2 +b=6356515 +towgs84=-168,-60,320,0,0,0,0 +pm=paris +units=m +no_defs',
  'EPSG:32631': '+proj=utm +zone=31 +datum=WGS84 +units=m +no_defs',
  ...CONIC_ZONES,
};

const WGS84 = DEFINITIONS['EPSG:4326'];

/** The codes known, in a stable order for messages and the capability's description. */
export const KNOWN_CRS: readonly string[] = Object.keys(DEFINITIONS).sort((a, b) => Number(a.slice(5)) - Number(b.slice(5)));

/** "epsg:2154" → "EPSG:2154"; the code as written otherwise. */
export const normalCrs = (code: string): string => code.trim().toUpperCase();

export const isKnownCrs = (code: string): boolean => Object.hasOwn(DEFINITIONS, normalCrs(code));

/** From WGS84 longitude/latitude to a known CRS, and back. */
export interface Projection {
  forward(lon: number, lat: number): [number, number];
  inverse(x: number, y: number): [number, number];
}

const projections = new Map<string, Projection>();

/** The projection to a known CRS (made once per code); undefined for a code not in the table. */
export function projectionTo(code: string): Projection | undefined {
  const key = normalCrs(code);
  if (!isKnownCrs(key)) return undefined;
  const definition = DEFINITIONS[key];
  let projection = projections.get(key);
  if (!projection) {
    const converter = proj4(WGS84, definition);
    projection = {
      forward: (lon, lat) => converter.forward([lon, lat]) as [number, number],
      inverse: (x, y) => converter.inverse([x, y]) as [number, number],
    };
    projections.set(key, projection);
  }
  return projection;
}
