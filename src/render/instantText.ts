import { zoneOffsetMs } from '../time/timezone';

const pad = (n: number, w = 2): string => String(Math.abs(n)).padStart(w, '0');

const QUARTER_HOUR = 900_000;
const offsets = new Map<string, number>();

/** Zone offsets change on quarter hours at most, so one lookup serves every instant of a quarter hour. */
function offsetAt(ms: number, timeZone: string): number {
  if (timeZone === 'UTC') return 0;
  const key = `${timeZone}|${Math.floor(ms / QUARTER_HOUR)}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    if (offsets.size > 50_000) offsets.clear();
    offset = zoneOffsetMs(Math.floor(ms / QUARTER_HOUR) * QUARTER_HOUR, timeZone);
    offsets.set(key, offset);
  }
  return offset;
}

/** An instant as ISO 8601 with the offset of `timeZone` (ODS: `2019-06-21T10:00:00+02:00`, `+00:00` in UTC). */
export function instantText(iso: string, timeZone: string): string {
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) return iso;
  const offset = offsetAt(ms, timeZone);
  const wall = new Date(ms + offset);
  const fraction = wall.getUTCMilliseconds() ? `.${pad(wall.getUTCMilliseconds(), 3)}` : '';
  const minutes = Math.round(offset / 60000);
  const sign = minutes < 0 ? '-' : '+';
  return `${pad(wall.getUTCFullYear(), 4)}-${pad(wall.getUTCMonth() + 1)}-${pad(wall.getUTCDate())}T${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}:${pad(wall.getUTCSeconds())}${fraction}${sign}${pad(Math.floor(Math.abs(minutes) / 60))}:${pad(Math.abs(minutes) % 60)}`;
}
