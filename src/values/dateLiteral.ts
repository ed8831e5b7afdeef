import { parsed, Parsed, refused } from '../errors/parsed';
import { daysInMonth, utcMs } from '../time/wallClock';

/** How much time a date literal covers: `2013` a year, `2013/02` a month, …, a full ISO datetime an instant. */
export type DateUnit = 'year' | 'month' | 'day' | 'minute' | 'second' | 'instant';

/** A date as written: its wall-clock start, its extent, and its UTC offset when it gave one. */
export interface DateLiteral { wall: number; unit: DateUnit; offsetMs?: number }

const YEAR = /^(\d{4})$/;
const MONTH = /^(\d{4})[/-](\d{1,2})$/;
const DAY = /^(\d{4})([/-])(\d{1,2})\2(\d{1,2})$/;
const DATETIME = /^(\d{4})([/-])(\d{2})\2(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2}|:\d{2}:\d{2})?)?$/i;

function offsetMs(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (text.toUpperCase() === 'Z') return 0;
  const sign = text[0] === '-' ? -1 : 1;
  const digits = text.slice(1).replace(/:/g, '');
  const seconds = Number(digits.slice(0, 2)) * 3600 + Number(digits.slice(2, 4) || '0') * 60 + Number(digits.slice(4) || '0');
  return seconds > 14 * 3600 || Number(digits.slice(2, 4) || '0') > 59 || Number(digits.slice(4) || '0') > 59 ? Number.NaN : sign * seconds * 1000;
}

function checkDay(y: number, m: number, d: number): string | undefined {
  if (y < 1) return 'the year must be at least 0001';
  if (m < 1 || m > 12) return `month ${m} does not exist`;
  if (d < 1 || d > daysInMonth(y, m)) return `day ${d} does not exist in ${y}/${String(m).padStart(2, '0')}`;
  return undefined;
}

/**
 * `YYYY`, `YYYY/MM`, `YYYY/MM/DD` (or with `-`), and ISO 8601 datetimes `YYYY-MM-DDTHH:MM[:SS[.f]]`
 * with an optional `Z`, `±HH:MM` or `±HH:MM:SS` (the offsets of local mean times, as instantText
 * writes them: `+00:09:21`). A datetime without seconds covers its minute, one without
 * fraction its second; with a fraction it is an instant.
 */
export function parseDateLiteral(text: string): Parsed<DateLiteral> {
  let m = YEAR.exec(text);
  if (m) return Number(m[1]) < 1 ? refused('the year must be at least 0001') : parsed({ wall: utcMs(Number(m[1]), 0), unit: 'year' });
  m = MONTH.exec(text);
  if (m) {
    const problem = checkDay(Number(m[1]), Number(m[2]), 1);
    return problem ? refused(problem) : parsed({ wall: utcMs(Number(m[1]), Number(m[2]) - 1), unit: 'month' });
  }
  m = DAY.exec(text);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[3]), Number(m[4])];
    const problem = checkDay(y, mo, d);
    return problem ? refused(problem) : parsed({ wall: utcMs(y, mo - 1, d), unit: 'day' });
  }
  m = DATETIME.exec(text);
  if (!m) return refused(`"${text.slice(0, 40)}" is not a date (YYYY, YYYY/MM, YYYY/MM/DD or ISO 8601)`);
  const [y, mo, d, h, mi] = [1, 3, 4, 5, 6].map((i) => Number(m![i]));
  const problem = checkDay(y, mo, d) ?? (h > 23 || mi > 59 || Number(m[7] ?? 0) > 59 ? 'the time does not exist' : undefined);
  if (problem) return refused(problem);
  const offset = offsetMs(m[9]);
  if (Number.isNaN(offset)) return refused(`"${m[9]}" is not a UTC offset`);
  const ms = m[8] === undefined ? 0 : Math.floor(Number(`0.${m[8]}`) * 1000);
  const unit: DateUnit = m[7] === undefined ? 'minute' : m[8] === undefined ? 'second' : 'instant';
  return parsed({ wall: utcMs(y, mo - 1, d, h, mi, Number(m[7] ?? 0), ms), unit, offsetMs: offset });
}

/** The wall-clock end (exclusive) of the period a literal covers; an instant ends where it starts. */
export function periodEnd(lit: DateLiteral): number {
  const d = new Date(lit.wall);
  switch (lit.unit) {
    case 'year': return utcMs(d.getUTCFullYear() + 1, 0);
    case 'month': return utcMs(d.getUTCFullYear(), d.getUTCMonth() + 1);
    case 'day': return lit.wall + 86_400_000;
    case 'minute': return lit.wall + 60_000;
    case 'second': return lit.wall + 1000;
    case 'instant': return lit.wall;
  }
}
