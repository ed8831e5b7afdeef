import { utcMs as digitsMs } from './utcMs';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', era: 'short', year: 'numeric', month: '2-digit', day: '2-digit',
      hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True for an IANA zone name this runtime knows ("Europe/Paris", "UTC"). */
export function isValidTimeZone(timeZone: string): boolean {
  if (timeZone.length > 64) return false;
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** Offset of `timeZone` from UTC at the instant `utcMs`, read from the runtime's time zone data (a call costs several microseconds). */
function offsetRead(utcMs: number, timeZone: string): number {
  const parts = formatter(timeZone).formatToParts(new Date(utcMs));
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value);
  // Years before 1 are counted back from it, "1 BC" being year 0.
  const year = parts.find((p) => p.type === 'era')?.value === 'BC' ? 1 - get('year') : get('year');
  const wall = digitsMs(year, get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return wall - (utcMs - (((utcMs % 1000) + 1000) % 1000));
}

const QUARTER_HOUR = 900_000;
/** The instants a Date holds: ±8.64e15 ms around 1970. */
const LAST_INSTANT = 8.64e15;
/** Offsets by zone and quarter hour since the epoch (null: it changes inside that quarter hour), at most QUARTERS_KEPT in all. */
const quarters = new Map<string, Map<number, number | null>>();
const QUARTERS_KEPT = 50_000;
let kept = 0;

/**
 * Offset of `timeZone` from UTC at the instant `utcMs`, in milliseconds (Paris in summer: +7,200,000).
 * Today's offsets change on quarter hours, so one lookup serves every instant of a quarter hour (a
 * page's date facet values, its records' dates); a quarter hour whose two ends disagree (a change
 * at another instant, as from a local mean time such as Paris's +00:09:21 before 1911) is read
 * instant by instant.
 */
export function zoneOffsetMs(utcMs: number, timeZone: string): number {
  if (timeZone === 'UTC') return 0;
  const quarter = Math.floor(utcMs / QUARTER_HOUR);
  let zone = quarters.get(timeZone);
  let offset = zone?.get(quarter);
  if (offset === undefined) {
    const start = offsetRead(Math.max(quarter * QUARTER_HOUR, -LAST_INSTANT), timeZone);
    offset = offsetRead(Math.min((quarter + 1) * QUARTER_HOUR - 1000, LAST_INSTANT), timeZone) === start ? start : null;
    if (kept >= QUARTERS_KEPT) { quarters.clear(); kept = 0; zone = undefined; }
    if (zone === undefined) quarters.set(timeZone, (zone = new Map()));
    zone.set(quarter, offset);
    kept++;
  }
  return offset ?? offsetRead(utcMs, timeZone);
}

/**
 * The UTC instant of a wall-clock time in `timeZone` (the wall time given as if it were UTC).
 * In the autumn overlap the first occurrence wins; a time in the spring-forward gap is read with
 * the offset in force before the change, i.e. moved forward (Temporal's "compatible" rule).
 */
export function wallTimeToUtcMs(wallAsUtcMs: number, timeZone: string): number {
  const HALF_DAY = 12 * 3600 * 1000;
  const before = zoneOffsetMs(wallAsUtcMs - HALF_DAY, timeZone);
  const after = zoneOffsetMs(wallAsUtcMs + HALF_DAY, timeZone);
  const valid = [before, after].map((o) => wallAsUtcMs - o).filter((t) => wallAsUtcMs - zoneOffsetMs(t, timeZone) === t);
  return valid.length > 0 ? Math.min(...valid) : wallAsUtcMs - before;
}
