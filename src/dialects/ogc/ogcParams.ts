import type { Request } from 'express';
import { z } from 'zod';
import { AppError } from '../../errors/catalogue';
import type { FieldDef } from '../../model/descriptor';
import type { FeaturesRequest, FilterCrs } from '../../model/featuresRequest';
import { ParamReader } from '../shared/paramReader';
import { readQueryString } from '../shared/rawParams';
import { ogcBbox } from './ogcBbox';
import { CRS84, fromOgcCrs, ogcCrs, type OgcCrs } from './ogcCrs';
import { ogcDatetime } from './ogcDatetime';

/** The most features one page holds; a larger `limit` is taken as this one (Part 1, /req/core/fc-limit-response). */
export const MAX_LIMIT = 10_000;

/** `f`: JSON (GeoJSON for features) whatever is asked; `html` is accepted and answered in JSON too (no HTML encoding is claimed). */
const FORMAT = z.enum(['json', 'geojson', 'html']).optional();

/** The GIS files a page of items may also be had in (`f=gpkg`, `f=shp`, `f=fgb`), as the download API writes them. */
export const OGC_ITEMS_FILES = ['gpkg', 'shp', 'fgb'] as const;
export type OgcItemsFile = (typeof OGC_ITEMS_FILES)[number];
const ITEMS_FORMAT = z.enum(['json', 'geojson', 'html', ...OGC_ITEMS_FILES]).optional();

/** A whole number above the maximum is taken as the maximum, before validation. */
const clampLimit = (v: unknown): unknown => (typeof v === 'string' && /^\d+$/.test(v.trim()) && Number(v) > MAX_LIMIT ? String(MAX_LIMIT) : v);

/**
 * `filter-lang` (Part 3): CQL2 text, the default, which the schema states as its `default`
 * (19-079r2 /req/filter/filter-lang-param C); `cql-text` is its name in the Part 3 drafts,
 * which GDAL 3.6 still sends, and is read as CQL2 text. CQL2 JSON is not taken.
 */
const FILTER_LANG = z.enum(['cql2-text', 'cql-text']).default('cql2-text');

/** The scalar parameters of `items` (the OpenAPI document shows their limits and defaults). */
export const OGC_ITEMS_SCALARS = z.strictObject({
  limit: z.preprocess(clampLimit, z.coerce.number().int().min(1).max(MAX_LIMIT).default(10)),
  bbox: z.string().optional(),
  'bbox-crs': z.string().optional(),
  datetime: z.string().optional(),
  crs: z.string().optional(),
  cursor: z.string().optional(),
  filter: z.string().optional(),
  'filter-lang': FILTER_LANG,
  'filter-crs': z.string().optional(),
  f: ITEMS_FORMAT,
});

/** The parameters of every other OGC page. */
export const OGC_PAGE_SCALARS = z.strictObject({ f: FORMAT });

/** Parameters any OGC request may carry besides its own: the API key. */
const ALWAYS = new Set(['apikey']);

/** The query string of a request, decoded strictly (the OGC paths carry no parameters in the path). */
export function ogcQuery(req: Request): ParamReader {
  const url = req.originalUrl;
  const q = url.indexOf('?');
  return new ParamReader(readQueryString(q < 0 ? '' : url.slice(q + 1)));
}

/** An unknown parameter is a 400 (Part 1 lets a server refuse them; silently ignoring one would answer another question). */
function refuseUnknown(r: ParamReader, known: ReadonlySet<string>, hint: string): void {
  for (const name of r.raw.keys()) {
    if (!known.has(name) && !ALWAYS.has(name)) throw new AppError('bad_parameter', `Unknown parameter ${name.slice(0, 100)}: ${hint}`, { parameter: name.slice(0, 100) });
  }
}

/** The parameters of a page other than items: only `f`. */
export function ogcPageParams(r: ParamReader): void {
  refuseUnknown(r, new Set(Object.keys(OGC_PAGE_SCALARS.shape)), 'this resource takes f only.');
  r.scalars(OGC_PAGE_SCALARS, ['f']);
}

/** Where a page of items starts: after this record id, with this many features before it. */
export interface ItemsCursor { after: string; seen: number }

export const encodeCursor = (c: ItemsCursor): string => Buffer.from(JSON.stringify([c.after, c.seen])).toString('base64url');

function decodeCursor(text: string): ItemsCursor {
  try {
    const [after, seen] = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as unknown[];
    if (typeof after === 'string' && typeof seen === 'number' && Number.isInteger(seen) && seen >= 0) return { after, seen };
  } catch { /* refused below */ }
  throw new AppError('bad_parameter', 'cursor is not one this server wrote: follow the next links as given.', { parameter: 'cursor' });
}

/** Items, validated: the features request, the output CRS, the cursor it came with, and the GIS file asked for instead of GeoJSON. */
export interface ItemsParams { request: FeaturesRequest; crs: OgcCrs; cursor?: ItemsCursor; file?: OgcItemsFile }

const isFacet = (f: FieldDef): boolean => f.annotations.some((a) => a.name === 'facet');

/**
 * `items` parameters over a dataset's schema: the scalars (`filter` is CQL2 text, planned
 * against the schema), then each other parameter a property
 * filter on a facet field (`?type_tournage=Long métrage`, exact value); any other name is a 400.
 */
export function ogcItemsParams(r: ParamReader, datasetId: string, schema: readonly FieldDef[]): ItemsParams {
  const facets = new Set(schema.filter(isFacet).map((f) => f.name));
  const scalarNames = Object.keys(OGC_ITEMS_SCALARS.shape);
  refuseUnknown(r, new Set([...scalarNames, ...facets]), `items takes ${scalarNames.join(', ')} and the facet properties ${[...facets].join(', ') || '(none)'}.`);
  const s = r.scalars(OGC_ITEMS_SCALARS, scalarNames);
  const bboxCrs = ogcCrs(s['bbox-crs'], 'bbox-crs');
  const cursor = s.cursor === undefined ? undefined : decodeCursor(s.cursor);
  const refine = new Map([...facets].filter((f) => r.raw.has(f)).map((f) => [f, [r.one(f)!]]));
  const request: FeaturesRequest = {
    dataset: { id: datasetId }, queries: [], refine, exclude: new Map(), timeZone: 'UTC',
    geofilters: s.bbox === undefined ? [] : [ogcBbox(s.bbox, bboxCrs)],
    ...(s.datetime !== undefined ? { datetime: ogcDatetime(s.datetime) } : {}),
    ...(s.filter !== undefined ? { filter: { text: s.filter, crs: filterCrs(ogcCrs(s['filter-crs'], 'filter-crs')) } } : {}),
    limit: s.limit,
    ...(cursor ? { after: cursor.after } : {}),
  };
  const crs = ogcCrs(s.crs, 'crs');
  const file = OGC_ITEMS_FILES.find((x) => x === s.f);
  // The GIS files are written in WGS 84 (EPSG:4326, longitude first, as these formats store positions): CRS84 and EPSG:4326 give the same file.
  if (file && !crs.crs.isWgs84) throw new AppError('bad_parameter', `f=${file} is written in WGS 84 only: leave crs out, or ask for ${CRS84} or http://www.opengis.net/def/crs/EPSG/0/4326.`, { parameter: 'crs' });
  return { request, crs, ...(cursor ? { cursor } : {}), ...(file ? { file } : {}) };
}

/** A CRS as the planner reads a filter's geometry literals in it. */
const filterCrs = (c: OgcCrs): FilterCrs => ({ uri: c.uri, isWgs84: c.crs.isWgs84, toLonLat: (p) => fromOgcCrs(c, p) });

/** The parameters of one feature. */
export const OGC_FEATURE_SCALARS = z.strictObject({ crs: z.string().optional(), f: FORMAT });

/** One feature's parameters: the CRS of its geometry. */
export function ogcFeatureParams(r: ParamReader): OgcCrs {
  refuseUnknown(r, new Set(Object.keys(OGC_FEATURE_SCALARS.shape)), 'a feature takes crs and f.');
  return ogcCrs(r.scalars(OGC_FEATURE_SCALARS, ['crs', 'f']).crs, 'crs');
}
