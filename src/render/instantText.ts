import { zoneOffsetMs } from '../time/timezone';

const pad = (n: number, w = 2): string => String(Math.abs(n)).padStart(w, '0');

const QUARTER_HOUR = 900_000;
const offsets = new Map<string, number | null>();

/**
 * The offset of `timeZone` at `ms`. Today's offsets change on quarter hours, so one lookup serves
 * every instant of a quarter hour; a quarter hour whose two ends disagree (a change at another
 * instant, as from a local mean time such as Paris's +00:09:21 before 1911) is looked up instant by instant.
 */
function offsetAt(ms: number, timeZone: string): number {
  if (timeZone === 'UTC') return 0;
  const quarter = Math.floor(ms / QUARTER_HOUR);
  const key = `${timeZone}|${quarter}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    if (offsets.size > 50_000) offsets.clear();
    const start = zoneOffsetMs(quarter * QUARTER_HOUR, timeZone);
    offset = zoneOffsetMs((quarter + 1) * QUARTER_HOUR - 1000, timeZone) === start ? start : null;
    offsets.set(key, offset);
  }
  return offset ?? zoneOffsetMs(ms, timeZone);
}

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
  const offset = offsetAt(ms, timeZone);
  const wall = new Date(ms + offset);
  const fraction = wall.getUTCMilliseconds() ? `.${pad(wall.getUTCMilliseconds(), 3)}` : '';
  return `${pad(wall.getUTCFullYear(), 4)}-${pad(wall.getUTCMonth() + 1)}-${pad(wall.getUTCDate())}T${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}:${pad(wall.getUTCSeconds())}${fraction}${offsetText(offset)}`;
}
