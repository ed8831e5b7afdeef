import type { Argument, Span } from '../query/ast';
import { wallTimeToUtcMs } from '../time/timezone';
import { daysInMonth, utcMs, wallOf } from '../time/wallClock';

const RELATIVE = ['years', 'months', 'weeks', 'days', 'hours', 'minutes', 'seconds', 'microseconds'] as const;
const ABSOLUTE = { year: [1, 9999], month: [1, 12], day: [1, 31], hour: [0, 23], minute: [0, 59], second: [0, 59], microsecond: [0, 999_999] } as const;
const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
const MAX_RELATIVE = 100_000_000;

type Fail = (message: string, span: Span) => never;
type Settings = Partial<Record<(typeof RELATIVE)[number] | keyof typeof ABSOLUTE, number>> & { weekday?: { day: number; n: number } };

function readWeekday(value: string, span: Span, fail: Fail): { day: number; n: number } {
  if (/^[0-6]$/.test(value)) return { day: Number(value), n: 1 };
  const m = /^([A-Z]{2})\s*(?:\(\s*([+-]?\d{1,4})\s*\))?$/i.exec(value);
  const day = m ? WEEKDAYS.indexOf(m[1].toUpperCase()) : -1;
  if (!m || day < 0) fail(`weekday must be 0 (Monday) to 6 (Sunday) or MO(n) … SU(n), not "${value}"`, span);
  const n = m[2] === undefined ? 1 : Number(m[2]);
  if (n === 0) fail('the occurrence in a weekday cannot be 0', span);
  return { day, n };
}

function readSettings(args: Argument[], fail: Fail): Settings {
  const settings: Settings = {};
  for (const a of args) {
    if (a.kind !== 'named') fail('#now takes named arguments only, e.g. #now(days=-7)', a.span);
    const name = a.name.toLowerCase();
    if (name in settings) fail(`argument ${name} is given twice`, a.span);
    if (name === 'weekday') { settings.weekday = readWeekday(a.value, a.span, fail); continue; }
    const isRelative = (RELATIVE as readonly string[]).includes(name);
    if (!isRelative && !(name in ABSOLUTE)) {
      fail(`#now has no argument "${a.name}" (known: ${[...RELATIVE, ...Object.keys(ABSOLUTE), 'weekday'].join(', ')})`, a.span);
    }
    if (!/^[+-]?\d{1,12}$/.test(a.value)) fail(`${name} must be an integer, not "${a.value.slice(0, 40)}"`, a.span);
    const n = Number(a.value);
    const [min, max] = isRelative ? [-MAX_RELATIVE, MAX_RELATIVE] : ABSOLUTE[name as keyof typeof ABSOLUTE];
    if (n < min || n > max) fail(`${name} must be between ${min} and ${max}`, a.span);
    settings[name as keyof typeof ABSOLUTE] = n;
  }
  return settings;
}

/**
 * `#now(...)` → an instant (UTC milliseconds), with python-dateutil relativedelta semantics in
 * the request's time zone: absolute components replace the current ones, then years and months
 * are added (the day clipped to the month's end), then weeks…microseconds, then `weekday` moves to
 * the n-th such day on or after (n > 0) or on or before (n < 0) the result.
 */
export function evaluateNow(call: { args: Argument[]; span: Span }, nowMs: number, timeZone: string, fail: Fail): number {
  const s = readSettings(call.args, fail);
  const wall = new Date(wallOf(nowMs, timeZone));
  const monthIndex = (s.year ?? wall.getUTCFullYear()) * 12 + ((s.month ?? wall.getUTCMonth() + 1) - 1) + (s.years ?? 0) * 12 + (s.months ?? 0);
  const year = Math.floor(monthIndex / 12);
  const month0 = monthIndex - year * 12;
  if (year < 1 || year > 9999) fail('#now falls outside the years 0001–9999', call.span);
  const day = Math.min(daysInMonth(year, month0 + 1), s.day ?? wall.getUTCDate());
  const base = utcMs(year, month0, day, s.hour ?? wall.getUTCHours(), s.minute ?? wall.getUTCMinutes(), s.second ?? wall.getUTCSeconds());
  const micros = BigInt(s.microsecond ?? wall.getUTCMilliseconds() * 1000);
  const shiftSeconds = ((((s.weeks ?? 0) * 7 + (s.days ?? 0)) * 24 + (s.hours ?? 0)) * 60 + (s.minutes ?? 0)) * 60 + (s.seconds ?? 0);
  let total = BigInt(base) * 1000n + micros + BigInt(shiftSeconds) * 1_000_000n + BigInt(s.microseconds ?? 0);
  if (s.weekday) {
    const current = (new Date(Number(total / 1000n)).getUTCDay() + 6) % 7;
    const { day: target, n } = s.weekday;
    const jump = n > 0 ? (Math.abs(n) - 1) * 7 + ((7 - current + target) % 7) : -((Math.abs(n) - 1) * 7 + ((current - target + 7) % 7));
    total += BigInt(jump) * 86_400_000_000n;
  }
  const ms = Number(total / 1000n) - (total < 0n && total % 1000n !== 0n ? 1 : 0);
  const y = new Date(ms).getUTCFullYear();
  if (!(y >= 1 && y <= 9999)) fail('#now falls outside the years 0001–9999', call.span);
  return wallTimeToUtcMs(ms, timeZone);
}
