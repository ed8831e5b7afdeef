import { wallTimeToUtcMs } from '../../time/timezone';
import { utcMs } from '../../time/wallClock';
import { Coerced, empty, invalid, isBlank, show, value } from './result';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const SLASH_YMD = /^(\d{4})\/(\d{2})\/(\d{2})$/;
const SLASH_DMY = /^(\d{2})\/(\d{2})\/(\d{4})$/;
const DATETIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?$/;

interface Ymd { y: number; m: number; d: number }

function validDay({ y, m, d }: Ymd): boolean {
  if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(utcMs(y, m, 0)).getUTCDate();
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
const ymdText = ({ y, m, d }: Ymd): string => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;

function parseDay(s: string): Ymd | undefined {
  let m = ISO_DATE.exec(s) ?? SLASH_YMD.exec(s);
  if (m) return { y: +m[1], m: +m[2], d: +m[3] };
  m = SLASH_DMY.exec(s);
  if (m) return { y: +m[3], m: +m[2], d: +m[1] };
  return undefined;
}

/** A calendar date, kept as `YYYY-MM-DD`. A datetime keeps its date as written. */
export function coerceDate(raw: unknown): Coerced<string> {
  if (isBlank(raw)) return empty;
  if (typeof raw !== 'string') return invalid(`not a date: ${show(raw)}`);
  const s = raw.trim();
  const day = parseDay(s) ?? parseDay(s.slice(0, 10));
  if (!day || (s.length > 10 && !DATETIME.test(s))) return invalid(`not a date: ${show(raw)}`);
  return validDay(day) ? value(ymdText(day)) : invalid(`no such day: ${show(raw)}`);
}

/**
 * An instant, kept as a UTC ISO string. Without an offset, the time is read in the dataset's
 * time zone (ODS: the dataset timezone, UTC by default); a bare date is its midnight.
 */
export function coerceDatetime(raw: unknown, timeZone: string): Coerced<string> {
  if (isBlank(raw)) return empty;
  if (typeof raw !== 'string') return invalid(`not a datetime: ${show(raw)}`);
  const s = raw.trim();
  const day = parseDay(s);
  const m = day ? undefined : DATETIME.exec(s);
  if (!day && !m) return invalid(`not a datetime: ${show(raw)}`);
  const ymd = day ?? { y: +m![1], m: +m![2], d: +m![3] };
  const [h, mi, sec] = m ? [+m[4], +m[5], +(m[6] ?? 0)] : [0, 0, 0];
  const ms = m?.[7] ? Math.floor(+`0.${m[7]}` * 1000) : 0;
  if (!validDay(ymd) || h > 23 || mi > 59 || sec > 59) return invalid(`no such time: ${show(raw)}`);
  // Not Date.UTC, which reads the years 0–99 as 1900–1999.
  const wall = utcMs(ymd.y, ymd.m - 1, ymd.d, h, mi, sec, ms);
  const zone = m?.[8];
  let utc: number;
  if (zone === undefined) utc = wallTimeToUtcMs(wall, timeZone);
  else if (zone === 'Z') utc = wall;
  else {
    const sign = zone[0] === '-' ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    utc = wall - sign * (+digits.slice(0, 2) * 60 + +digits.slice(2)) * 60000;
  }
  return value(new Date(utc).toISOString());
}
