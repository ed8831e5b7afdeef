/**
 * The CRSs bundled so that French data works with no network and no PROJ database: the
 * metropolitan projections (Lambert-93, the nine conic conformal zones CC42–CC50, the NTF
 * Lambert zones with their Paris meridian), the geographic CRSs, Web Mercator, the UTM zones of
 * the overseas territories on WGS 84 and on their own RGF93-like frames. (NTF (Paris)
 * geographic, EPSG:4807, is left out: its unit is the grad.)
 *
 * The NTF shift is the EPSG Helmert one (2 m accuracy): where PROJ has IGN's ntf_r93 grid it
 * may use it instead, and the two differ by up to about 2 m.
 *
 * Each entry is the PROJ string of the EPSG definition (as `gdalsrsinfo -o proj4 EPSG:n` prints
 * it with PROJ 9: the NTF ones carry the EPSG "NTF to WGS 84 (1)" Helmert shift, the RGF93-like
 * frames a null shift), and the names the CRS is written under: its EPSG name, the former one,
 * and the ESRI name that .prj files carry (names are compared folded, see `crsNameKey`).
 */
export interface BundledCrs {
  proj4: string;
  names: readonly string[];
}

const RGF93 = '+ellps=GRS80 +towgs84=0,0,0,0,0,0,0';
const NTF = '+ellps=clrk80ign +pm=paris +towgs84=-168,-60,320,0,0,0,0';

/** The nine conic conformal zones of RGF93 (EPSG:3942 to 3950): one degree of latitude each, parallels 0.75° either side. */
function ccZone(zone: number): [number, BundledCrs] {
  const proj4 = `+proj=lcc +lat_0=${zone} +lon_0=3 +lat_1=${zone - 0.75} +lat_2=${zone + 0.75} +x_0=1700000 +y_0=${(zone - 41) * 1_000_000 + 200_000} ${RGF93} +units=m +no_defs`;
  return [3900 + zone, { proj4, names: [`RGF93 v1 / CC${zone}`, `RGF93 / CC${zone}`, `RGF_1993_CC${zone}`] }];
}

function ntfLambert(code: number, lat: number, k: number, x: number, y: number, names: string[]): [number, BundledCrs] {
  return [code, { proj4: `+proj=lcc +lat_1=${lat} +lat_0=${lat} +lon_0=0 +k_0=${k} +x_0=${x} +y_0=${y} ${NTF} +units=m +no_defs`, names }];
}

function utm(code: number, zone: number, south: boolean, frame: string, names: string[]): [number, BundledCrs] {
  return [code, { proj4: `+proj=utm +zone=${zone}${south ? ' +south' : ''} ${frame} +units=m +no_defs`, names }];
}

const wgs84Utm = (code: number, zone: number, south: boolean): [number, BundledCrs] => {
  const hemisphere = south ? 'S' : 'N';
  return utm(code, zone, south, '+datum=WGS84', [`WGS 84 / UTM zone ${zone}${hemisphere}`, `WGS_1984_UTM_Zone_${zone}${hemisphere}`]);
};

const geographic = (code: number, frame: string, names: string[]): [number, BundledCrs] =>
  [code, { proj4: `+proj=longlat ${frame} +no_defs`, names }];

export const BUNDLED_CRS: ReadonlyMap<number, BundledCrs> = new Map<number, BundledCrs>([
  [2154, { proj4: `+proj=lcc +lat_0=46.5 +lon_0=3 +lat_1=49 +lat_2=44 +x_0=700000 +y_0=6600000 ${RGF93} +units=m +no_defs`,
    names: ['RGF93 v1 / Lambert-93', 'RGF93 / Lambert-93', 'RGF_1993_Lambert_93', 'RGF93_Lambert_93', 'Lambert-93'] }],
  ...[42, 43, 44, 45, 46, 47, 48, 49, 50].map(ccZone),
  ntfLambert(27561, 49.5, 0.999877341, 600000, 200000, ['NTF (Paris) / Lambert Nord France', 'NTF_Paris_Lambert_Nord_France', 'NTF (Paris) / Lambert zone I']),
  ntfLambert(27562, 46.8, 0.99987742, 600000, 200000, ['NTF (Paris) / Lambert Centre France', 'NTF_Paris_Lambert_Centre_France']),
  ntfLambert(27563, 44.1, 0.999877499, 600000, 200000, ['NTF (Paris) / Lambert Sud France', 'NTF_Paris_Lambert_Sud_France', 'NTF (Paris) / Lambert zone III']),
  ntfLambert(27564, 42.165, 0.99994471, 234.358, 185861.369, ['NTF (Paris) / Lambert Corse', 'NTF_Paris_Lambert_Corse', 'NTF (Paris) / Lambert zone IV']),
  ntfLambert(27572, 46.8, 0.99987742, 600000, 2200000, [
    'NTF (Paris) / Lambert zone II', 'NTF_Paris_Lambert_Zone_II', 'NTF (Paris) / Lambert II etendu', 'NTF_Paris_Lambert_II_etendu', 'Lambert II etendu',
  ]),
  geographic(4326, '+datum=WGS84', ['WGS 84', 'GCS_WGS_1984', 'WGS84']),
  geographic(4171, RGF93, ['RGF93 v1', 'RGF93', 'GCS_RGF_1993']),
  geographic(4258, RGF93, ['ETRS89', 'GCS_ETRS_1989']),
  geographic(4275, '+ellps=clrk80ign +towgs84=-168,-60,320,0,0,0,0', ['NTF', 'GCS_NTF']),
  geographic(4624, RGF93, ['RGFG95', 'GCS_RGFG_1995']),
  geographic(4627, RGF93, ['RGR92', 'GCS_RGR_1992']),
  geographic(5489, RGF93, ['RGAF09', 'GCS_RGAF09']),
  geographic(4470, RGF93, ['RGM04', 'GCS_RGM_2004']),
  [3857, { proj4: '+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m +nadgrids=@null +wktext +no_defs',
    names: ['WGS 84 / Pseudo-Mercator', 'WGS_1984_Web_Mercator_Auxiliary_Sphere', 'Popular Visualisation CRS / Mercator'] }],
  wgs84Utm(32620, 20, false),
  wgs84Utm(32622, 22, false),
  wgs84Utm(32630, 30, false),
  wgs84Utm(32631, 31, false),
  wgs84Utm(32632, 32, false),
  wgs84Utm(32738, 38, true),
  wgs84Utm(32740, 40, true),
  utm(2972, 22, false, RGF93, ['RGFG95 / UTM zone 22N', 'RGFG_1995_UTM_22N']),
  utm(2975, 40, true, RGF93, ['RGR92 / UTM zone 40S', 'RGR_1992_UTM_40S']),
  utm(5490, 20, false, RGF93, ['RGAF09 / UTM zone 20N', 'RGAF09_UTM_Zone_20N']),
  utm(4471, 38, true, RGF93, ['RGM04 / UTM zone 38S', 'RGM_2004_UTM_Zone_38S']),
]);

/** A CRS name folded for comparison: lower case, letters and digits only ("RGF93 v1 / Lambert-93" → "rgf93v1lambert93"). */
export function crsNameKey(name: string): string {
  return name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]/g, '');
}

const byName = new Map<string, number>();
for (const [code, crs] of BUNDLED_CRS) for (const name of crs.names) byName.set(crsNameKey(name), code);

/** The EPSG code of a bundled CRS from one of its names (EPSG, former EPSG or ESRI), if known. */
export function bundledCodeOfName(name: string): number | undefined {
  return byName.get(crsNameKey(name));
}
