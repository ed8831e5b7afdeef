import type { RangeBounds } from '../model/predicate';
import type { EsQuery } from './esQuery';

/** A range on a number, date or instant; dates and instants carry their format so nothing is guessed. */
export function rangeClause(path: string, bounds: RangeBounds, format?: string): EsQuery {
  return { range: { [path]: { ...bounds, ...(format ? { format } : {}) } } };
}
