import { parsed, Parsed, refused } from '../errors/parsed';

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/** A decimal coordinate: plain digits, no exponent, no hex. */
export function parseCoordinate(text: string): number | undefined {
  const t = text.trim();
  return NUMBER.test(t) ? Number(t) : undefined;
}

/** Latitude and longitude in range; the message names the bad one. */
export function checkLatLon(lat: number, lon: number): string | undefined {
  if (!(lat >= -90 && lat <= 90)) return `latitude ${lat} is outside [-90, 90]`;
  if (!(lon >= -180 && lon <= 180)) return `longitude ${lon} is outside [-180, 180]`;
  return undefined;
}

/** "48.86, 2.38" → [48.86, 2.38] (latitude first, as every ODS geo parameter). */
export function parseLatLon(text: string): Parsed<[number, number]> {
  const parts = text.split(',');
  if (parts.length !== 2) return refused(`expected "latitude,longitude", got "${text.slice(0, 60)}"`);
  const [lat, lon] = parts.map(parseCoordinate);
  if (lat === undefined || lon === undefined) return refused(`"${text.slice(0, 60)}" is not two decimal numbers`);
  const problem = checkLatLon(lat, lon);
  return problem ? refused(problem) : parsed([lat, lon]);
}
