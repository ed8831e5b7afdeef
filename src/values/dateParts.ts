import { zoneOffsetMs } from '../time/timezone';
import { utcMs } from '../time/wallClock';
import type { DatePart } from '../model/analyze';

const DAY = 86_400_000;

/** ISO week number of a UTC date. */
function isoWeek(d: Date): number {
  const t = new Date(utcMs(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  const day = (t.getUTCDay() + 6) % 7;
  t.setUTCDate(t.getUTCDate() - day + 3);
  const firstThursday = new Date(utcMs(t.getUTCFullYear(), 0, 4));
  return 1 + Math.round(((t.getTime() - firstThursday.getTime()) / DAY - 3 + ((firstThursday.getUTCDay() + 6) % 7)) / 7);
}

/** The parts of a histogram bucket's start (an instant) in `timeZone`: `{year: 2019, month: 6}`, `{weekday: 0}` (Monday). */
export function dateParts(bucketStart: number, parts: readonly DatePart[], timeZone: string): Record<string, number> {
  const wall = new Date(bucketStart + zoneOffsetMs(bucketStart, timeZone));
  const all: Record<DatePart, () => number> = {
    year: () => wall.getUTCFullYear(), month: () => wall.getUTCMonth() + 1, week: () => isoWeek(wall),
    weekday: () => (wall.getUTCDay() + 6) % 7, day: () => wall.getUTCDate(), hour: () => wall.getUTCHours(), minute: () => wall.getUTCMinutes(),
  };
  return Object.fromEntries(parts.map((p) => [p, all[p]()]));
}
