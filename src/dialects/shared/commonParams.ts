import { z } from 'zod';
import { DATASET_ID } from '../../model/descriptor';
import { AppError } from '../../errors/catalogue';
import { parseLatLon, parseCoordinate, checkLatLon } from '../../geo/latLon';
import { parsePolygonRing } from '../../geo/polygonRing';
import type { RequestQuery, DatasetRef, GeoFilter, RecordsFilter } from '../../model/recordsRequest';
import { isValidTimeZone } from '../../time/timezone';
import type { ParamReader } from './paramReader';
import { facetFamily } from './facetFamily';

const DOMAIN = /^[a-z0-9][a-z0-9-]{0,62}$/;
export const CALLBACK = /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/;

export const booleanParam = z.enum(['true', 'false'], 'must be true or false').transform((v) => v === 'true');
export const timeZoneParam = z.string().refine(isValidTimeZone, 'not a known IANA time zone (e.g. Europe/Paris, UTC)');
export const callbackParam = z.string().max(128, 'at most 128 characters').regex(CALLBACK, 'must be a JavaScript identifier path (letters, digits, _ and $, dotted)');

export function datasetRef(value: string | undefined, parameter = 'dataset'): DatasetRef {
  if (value === undefined || value === '') throw new AppError('bad_parameter', `Parameter ${parameter} is required.`, { parameter });
  const [id, domain, more] = value.split('@');
  if (more !== undefined || !DATASET_ID.test(id) || (domain !== undefined && !DOMAIN.test(domain))) {
    throw new AppError('bad_parameter', `Invalid ${parameter}: "${value.slice(0, 100)}" is not a dataset id.`, { parameter });
  }
  return domain === undefined ? { id } : { id, domain };
}

function geofilterError(parameter: string, message: string): never {
  throw new AppError('bad_parameter', `Invalid ${parameter}: ${message}`, { parameter });
}

function distanceFilter(value: string): GeoFilter {
  const p = 'geofilter.distance';
  const parts = value.split(',');
  if (parts.length !== 3) geofilterError(p, 'expected "latitude,longitude,metres"');
  const point = parseLatLon(parts.slice(0, 2).join(','));
  if (!point.ok) return geofilterError(p, point.message);
  // Elasticsearch refuses a distance of 0 ("distance must be greater than zero"): refused here, before any call.
  const metres = parseCoordinate(parts[2]);
  if (metres === undefined || !(metres > 0)) return geofilterError(p, 'the distance must be a number of metres greater than 0');
  return { kind: 'distance', lat: point.value[0], lon: point.value[1], metres: Math.min(metres, 20_037_509) };
}

function bboxFilter(value: string): GeoFilter {
  const p = 'geofilter.bbox';
  const n = value.split(',').map(parseCoordinate);
  if (n.length !== 4 || n.some((x) => x === undefined)) geofilterError(p, 'expected "south,west,north,east" (four decimal numbers)');
  const [south, west, north, east] = n as number[];
  const problem = checkLatLon(south, west) ?? checkLatLon(north, east);
  // A box written longitude first (the OGC and GeoJSON order) is only valid read that way: say so.
  if (problem && checkLatLon(west, south) === undefined && checkLatLon(east, north) === undefined) {
    geofilterError(p, `${problem}; this box looks like longitude first (minx,miny,maxx,maxy): geofilter.bbox takes latitude first, `
      + `south,west,north,east (${west},${south},${east},${north})`);
  }
  if (problem) geofilterError(p, problem);
  if (south > north) geofilterError(p, `the south latitude ${south} is above the north latitude ${north}`);
  return { kind: 'bbox', south, west, north, east };
}

function polygonFilter(value: string): GeoFilter {
  const ring = parsePolygonRing(value);
  return ring.ok ? { kind: 'polygon', ring: ring.value } : geofilterError('geofilter.polygon', ring.message);
}

/** `q` and `q.<name>`, each a separate query ANDed with the others. */
export function requestQueries(r: ParamReader): RequestQuery[] {
  const named = [...r.family('q')].flatMap(([name, values]) => values.map((text) => ({ parameter: `q.${name}`, text })));
  return [...r.all('q').map((text) => ({ parameter: 'q', text })), ...named];
}

// Built once: zod compiles an object schema on its first parse, so a schema made per request costs that compilation each time.
const TIME_ZONE_SCALARS = z.object({ timezone: timeZoneParam.default('UTC') });

/** The filter parameters shared by every records endpoint, for the dataset it names. */
export function recordsFilter(r: ParamReader, dataset: DatasetRef = datasetRef(r.one('dataset'))): RecordsFilter {
  const family = facetFamily(r);
  const { timezone } = r.scalars(TIME_ZONE_SCALARS, ['timezone']);
  return {
    dataset,
    queries: requestQueries(r),
    refine: family.refine,
    exclude: family.exclude,
    geofilters: [
      ...r.all('geofilter.distance').map(distanceFilter),
      ...r.all('geofilter.polygon').map(polygonFilter),
      ...r.all('geofilter.bbox').map(bboxFilter),
    ],
    timeZone: timezone,
  };
}

/** How a records answer is written (search, download): shared parameters and their defaults. */
export const outputShape = {
  callback: callbackParam.optional(),
  pretty_print: booleanParam.default(false),
  fields: z.string().max(10_000).optional(),
  csv_separator: z.enum([';', ',', '\t', '|'], 'must be ; , | or a tab').default(';'),
  with_bom: booleanParam.default(false),
  use_labels_for_header: booleanParam.default(false),
};
