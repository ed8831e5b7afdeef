import type { FieldDef } from '../catalog/descriptor';
import { AppError } from '../errors/catalogue';
import type { GeoFilter, RecordsFilter } from '../params/recordsSearchRequest';
import { planQueries } from './planQueries';
import type { Predicate } from './predicate';
import { isGeo } from './querySchema';
import { recordQuerySchema } from './recordQuerySchema';

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
  const clauses = [...(q.kind === 'all' ? [] : [q]), ...filter.geofilters.map((g) => geoPredicate(`v.${geo.name}`, g))];
  return clauses.length === 1 ? clauses[0] : { kind: 'and', clauses };
}
