import { zoneOffsetMs } from './timezone';

/**
 * Wall-clock times are handled as "UTC milliseconds of the same digits": the wall time
 * 2013-02-01 00:00 in Paris is Date.UTC(2013, 1, 1). These helpers move between that and real
 * instants, and do calendar arithmetic on it.
 */
export const wallOf = (utcMs: number, timeZone: string): number => utcMs + zoneOffsetMs(utcMs, timeZone);

export const daysInMonth = (year: number, month1: number): number => new Date(Date.UTC(year, month1, 0)).getUTCDate();

export { utcMs } from './utcMs';

/** `YYYY-MM-DD` of a wall time. */
export const isoDay = (wallMs: number): string => new Date(wallMs).toISOString().slice(0, 10);
