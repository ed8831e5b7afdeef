import type { FieldDef } from '../model/descriptor';
import { AppError } from '../errors/catalogue';
import { allFilters, allOf } from './combine';
import type { GeoFilter, RecordsFilter } from '../model/recordsRequest';
import { planFacets } from './planFacets';
import { planQueries } from './planQueries';
import type { Predicate } from '../model/predicate';
import { isGeo } from '../model/querySchema';
import { recordQuerySchema } from '../schema/recordQuerySchema';
import { recordPaths } from '../schema/recordPaths';

function geoPredicate(path: string, g: GeoFilter): Predicate {
  switch (g.kind) {
    case 'distance': return { kind: 'distance', path, lat: g.lat, lon: g.lon, metres: g.metres };
    case 'polygon': return { kind: 'polygon', path, ring: g.ring };
    case 'bbox': return { kind: 'bbox', path, south: g.south, west: g.west, north: g.north, east: g.east };
  }
}

/**
 * `q` (every occurrence ANDed) and the geofilters, which apply to the dataset's first geo field
 * (its point, or a shape's centroid): the part of a records request that is not a facet filter.
 */
export function planRecordsQuery(schema: readonly FieldDef[], filter: RecordsFilter, now: number): Predicate {
  const q = planQueries(filter.queries, { schema: recordQuerySchema(schema), timeZone: filter.timeZone, now });
  if (filter.geofilters.length === 0) return q;
  const geo = schema.find((f) => isGeo(f.type));
  if (!geo) throw new AppError('bad_parameter', 'This dataset has no geographic field to filter on.', { parameter: `geofilter.${filter.geofilters[0].kind}` });
  return allOf([q, ...filter.geofilters.map((g) => geoPredicate(recordPaths.value(geo.name), g))]);
}

/**
 * Every record filter of a request without facets (download, analyze, maps): `q`, the geofilters,
 * and the refines and excludes, in one predicate.
 */
export function planRecordsFilter(schema: readonly FieldDef[], filter: RecordsFilter, now: number): Predicate {
  const { filters } = planFacets(schema, { ...filter, facets: [], disjunctive: new Set(), facetsort: new Map() });
  return allOf([planRecordsQuery(schema, filter, now), allFilters(filters)]);
}
