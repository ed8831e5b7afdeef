import { utcMs as digitsMs } from './utcMs';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit',
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

/** Offset of `timeZone` from UTC at the instant `utcMs`, in milliseconds (Paris in summer: +7,200,000). */
export function zoneOffsetMs(utcMs: number, timeZone: string): number {
  const parts = formatter(timeZone).formatToParts(new Date(utcMs));
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value);
  const wall = digitsMs(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return wall - (utcMs - (((utcMs % 1000) + 1000) % 1000));
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
