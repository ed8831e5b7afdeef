/** Date.UTC without its 0–99 → 1900s mapping; months and days past their end roll over. */
export function utcMs(year: number, month0: number, day = 1, h = 0, mi = 0, s = 0, ms = 0): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month0, day);
  d.setUTCHours(h, mi, s, ms);
  return d.getTime();
}
