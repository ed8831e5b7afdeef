import { AppError } from '../errors/catalogue';
import type { FieldDef } from '../model/descriptor';
import type { TimeInterval } from '../model/featuresRequest';
import type { Predicate, RangeBounds } from '../model/predicate';
import { recordPaths } from '../schema/recordPaths';

/** The field OGC `datetime` filters on: the dataset's first date or datetime field. */
export const temporalField = (schema: readonly FieldDef[]): FieldDef | undefined => schema.find((f) => f.type === 'date' || f.type === 'datetime');

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** The day after a `YYYY-MM-DD` date, at midnight UTC. */
function dayAfter(date: string): string {
  const t = Date.parse(`${date}T00:00:00Z`) + 86_400_000;
  return new Date(t).toISOString();
}

/**
 * `datetime` → a range on the temporal field. A date end covers its whole day (UTC, as dates are
 * indexed): `2019-06-21` as an instant keeps the records of that day, `../2019-06-21` those up to
 * its end. A dataset without a date field is a 400: the filter would mean nothing.
 */
export function planDatetime(schema: readonly FieldDef[], interval: TimeInterval): Predicate {
  const field = temporalField(schema);
  if (!field) throw new AppError('bad_parameter', 'This collection has no temporal property: datetime cannot be used on it.', { parameter: 'datetime' });
  const bounds: RangeBounds = {};
  if (interval.start !== undefined) bounds.gte = DATE_ONLY.test(interval.start) ? `${interval.start}T00:00:00.000Z` : interval.start;
  if (interval.end !== undefined) {
    if (DATE_ONLY.test(interval.end)) bounds.lt = dayAfter(interval.end);
    else bounds.lte = interval.end;
  }
  if (Object.keys(bounds).length === 0) return { kind: 'all' };
  return { kind: 'range', path: recordPaths.value(field.name), bounds, format: 'strict_date_optional_time' };
}
