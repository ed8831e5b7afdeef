import type { Position } from '../geo/geoJsonGeometry';
import type { RecordsFilter } from './recordsRequest';

/**
 * A time interval of OGC `datetime`: each end an RFC 3339 date (`2019-06-21`) or instant in UTC
 * (`2019-06-21T10:00:00Z`); an absent end is open (`..`). An instant is an interval whose two
 * ends are the same.
 */
export interface TimeInterval { start?: string; end?: string }

/** The CRS of a filter's geometry literals (`filter-crs`): whether it is WGS 84 (either axis order), and its positions → WGS 84 lon/lat. */
export interface FilterCrs { uri: string; isWgs84: boolean; toLonLat(p: Position): Position }

/** A CQL2 text filter (Part 3) as sent, with the CRS of its geometries: planned against the collection's queryables. */
export interface FeaturesFilter { text: string; crs: FilterCrs }

/**
 * OGC API – Features `items` (Part 1 and 2), validated: the records filters (property filters are
 * `refine`s, `bbox` a geofilter already in WGS 84), the time interval on the dataset's first
 * date field, the CQL2 filter, a page size, and the record id after which the page starts (its `next` cursor).
 */
export interface FeaturesRequest extends RecordsFilter {
  datetime?: TimeInterval;
  filter?: FeaturesFilter;
  limit: number;
  after?: string;
}
