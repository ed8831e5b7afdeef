import { zoneOffsetMs } from '../time/timezone';

const pad = (n: number, w = 2): string => String(Math.abs(n)).padStart(w, '0');

/** `+01:00`, `-02:30`, and with its seconds when it has some: `+00:09:21` (Paris's local mean time). */
function offsetText(offsetMs: number): string {
  const total = Math.round(offsetMs / 1000);
  const sign = total < 0 ? '-' : '+';
  const abs = Math.abs(total);
  const seconds = abs % 60;
  return `${sign}${pad(Math.floor(abs / 3600))}:${pad(Math.floor(abs / 60) % 60)}${seconds ? `:${pad(seconds)}` : ''}`;
}

/**
 * An instant as ISO 8601 with the offset of `timeZone` (ODS: `2019-06-21T10:00:00+02:00`, `+00:00`
 * in UTC). An offset with seconds keeps them (`1700-01-01T00:19:10+00:09:21`): cut to the
 * minute, the text would name another instant.
 */
export function instantText(iso: string, timeZone: string): string {
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) return iso;
  const offset = zoneOffsetMs(ms, timeZone);
  const wall = new Date(ms + offset);
  const fraction = wall.getUTCMilliseconds() ? `.${pad(wall.getUTCMilliseconds(), 3)}` : '';
  return `${pad(wall.getUTCFullYear(), 4)}-${pad(wall.getUTCMonth() + 1)}-${pad(wall.getUTCDate())}T${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}:${pad(wall.getUTCSeconds())}${fraction}${offsetText(offset)}`;
}
