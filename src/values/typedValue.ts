import type { FieldType } from '../model/descriptor';
import { parsed, Parsed, refused } from '../errors/parsed';
import { wallTimeToUtcMs } from '../time/timezone';
import { isoDay, wallOf } from '../time/wallClock';
import { DateLiteral, periodEnd } from './dateLiteral';
import type { Bound } from '../model/predicate';

/** The values a literal stands for: [from, to) or [from, to]. A number is a single point; `2013` a whole year. */
export interface Interval { from: Bound; to: Bound; toInclusive: boolean }

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d{1,3})?$/;

export function numberInterval(text: string, type: 'int' | 'double'): Parsed<Interval> {
  const t = text.trim();
  const n = NUMBER.test(t) ? Number(t) : Number.NaN;
  if (!Number.isFinite(n)) return refused(`"${text.slice(0, 40)}" is not a number`);
  if (type === 'int' && Math.abs(n) > Number.MAX_SAFE_INTEGER) return refused(`${t} is out of the range of integers`);
  return parsed({ from: n, to: n, toInclusive: true });
}

const DAY_MS = 86_400_000;
const instantText = (ms: number): string => new Date(ms).toISOString();

/** The day (in `timeZone`) that contains an instant, as a date field's interval. */
function dayOf(instant: number, timeZone: string): Interval {
  const wall = wallOf(instant, timeZone);
  const start = wall - (((wall % DAY_MS) + DAY_MS) % DAY_MS);
  return { from: isoDay(start), to: isoDay(start + DAY_MS), toInclusive: false };
}

/**
 * A date literal on a date or datetime field. Without an explicit offset it is a wall-clock time
 * in `timeZone` (so `2019` on a datetime field is 2019 in Paris when the request says Paris). On
 * a date field, a calendar period stays calendar days; a time of day selects its day.
 */
export function temporalInterval(lit: DateLiteral, type: 'date' | 'datetime', timeZone: string): Interval {
  const toInstant = (wall: number): number => (lit.offsetMs === undefined ? wallTimeToUtcMs(wall, timeZone) : wall - lit.offsetMs);
  const end = periodEnd(lit);
  if (type === 'date') {
    const calendar = lit.unit === 'year' || lit.unit === 'month' || lit.unit === 'day';
    return calendar && lit.offsetMs === undefined
      ? { from: isoDay(lit.wall), to: isoDay(end), toInclusive: false }
      : dayOf(toInstant(lit.wall), timeZone);
  }
  return lit.unit === 'instant'
    ? { from: instantText(toInstant(lit.wall)), to: instantText(toInstant(lit.wall)), toInclusive: true }
    : { from: instantText(toInstant(lit.wall)), to: instantText(toInstant(end)), toInclusive: false };
}

/** An instant (#now) on a date field is its day in `timeZone`; on a datetime field, itself. */
export function instantInterval(instant: number, type: 'date' | 'datetime', timeZone: string): Interval {
  if (type === 'date') return dayOf(instant, timeZone);
  return { from: instantText(instant), to: instantText(instant), toInclusive: true };
}

export const temporalFormat = (type: FieldType): 'strict_date' | 'strict_date_optional_time' | undefined =>
  type === 'date' ? 'strict_date' : type === 'datetime' ? 'strict_date_optional_time' : undefined;
