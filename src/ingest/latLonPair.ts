import type { FieldDef } from '../model/descriptor';
import { columnValue, type RawRow } from './rawRow';

const LAT = new Set(['lat', 'latitude', 'y']);
const LON = new Set(['lon', 'lng', 'long', 'longitude', 'x']);

interface Candidate { field: FieldDef; column: string; role: 'lat' | 'lon'; key: string }

/**
 * A numeric column named as a latitude or a longitude: one word of its technical name is `lat`,
 * `latitude`, `y` (or `lon`, `lng`, `long`, `longitude`, `x`), and `key` is the name with that
 * word blanked out, so that `coordonnee_en_y` pairs with `coordonnee_en_x` and `latitude` with
 * `longitude`.
 */
function candidateOf(field: FieldDef): Candidate | undefined {
  if ((field.type !== 'double' && field.type !== 'int') || !('column' in field.source)) return undefined;
  const words = field.name.split('_');
  const lat = words.findIndex((w) => LAT.has(w));
  const lon = words.findIndex((w) => LON.has(w));
  if ((lat < 0) === (lon < 0)) return undefined;
  const at = lat >= 0 ? lat : lon;
  const key = words.map((w, i) => (i === at ? '*' : w)).join('_');
  return { field, column: field.source.column, role: lat >= 0 ? 'lat' : 'lon', key };
}

const numberOf = (v: unknown): number | undefined => {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v.trim()) : Number.NaN;
  return Number.isFinite(n) ? n : undefined;
};
const blank = (v: unknown): boolean => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/**
 * Whether every sampled row has both values within range (|lat| ≤ 90, |lon| ≤ 180) or neither,
 * and some row has both: projected coordinates (Lambert-93 metres) are never taken for degrees.
 */
function inRange(latColumn: string, lonColumn: string, sample: readonly RawRow[]): boolean {
  let points = 0;
  for (const row of sample) {
    const rawLat = columnValue(row, latColumn);
    const rawLon = columnValue(row, lonColumn);
    if (blank(rawLat) && blank(rawLon)) continue;
    const lat = numberOf(rawLat);
    const lon = numberOf(rawLon);
    if (lat === undefined || lon === undefined || Math.abs(lat) > 90 || Math.abs(lon) > 180) return false;
    points++;
  }
  return points > 0;
}

/**
 * The first latitude/longitude column pair of the schema whose sampled values are coordinates in
 * degrees, as `[latitude column, longitude column]`; undefined when there is none.
 */
export function latLonPair(schema: readonly FieldDef[], sample: readonly RawRow[]): [string, string] | undefined {
  const candidates = schema.map(candidateOf).filter((c): c is Candidate => c !== undefined);
  for (const lat of candidates.filter((c) => c.role === 'lat')) {
    const lon = candidates.find((c) => c.role === 'lon' && c.key === lat.key);
    if (lon && inRange(lat.column, lon.column, sample)) return [lat.column, lon.column];
  }
  return undefined;
}
