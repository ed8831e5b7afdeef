import { AppError } from '../../errors/catalogue';
import type { TimeInterval } from '../../model/featuresRequest';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

const bad = (message: string): AppError => new AppError('bad_parameter', message, { parameter: 'datetime' });

/** One end of `datetime`: an RFC 3339 date (kept as it is) or date-time (in UTC); `..` or nothing is open. */
function end(text: string): string | undefined {
  if (text === '..' || text === '') return undefined;
  const d = DATE.exec(text);
  if (d) {
    const t = new Date(`${text}T00:00:00Z`);
    if (Number.isNaN(t.getTime()) || t.getUTCDate() !== Number(d[3])) throw bad(`datetime: ${text.slice(0, 40)} is not a date.`);
    return text;
  }
  if (!DATE_TIME.test(text) || Number.isNaN(Date.parse(text))) throw bad(`datetime: "${text.slice(0, 40)}" is neither an RFC 3339 date nor a date-time (2019-06-21, 2019-06-21T10:00:00Z), nor .. for an open end.`);
  return new Date(Date.parse(text)).toISOString();
}

/** The start of a date or instant, for comparing the two ends. */
const startOf = (t: string): number => Date.parse(DATE.test(t) ? `${t}T00:00:00Z` : t);

/** `datetime` (Part 1): an instant, or an interval `start/end` whose ends may be open (`..` or empty). */
export function ogcDatetime(text: string): TimeInterval {
  const parts = text.split('/');
  if (parts.length > 2) throw bad('datetime is an instant or an interval start/end.');
  if (parts.length === 1) {
    const at = end(parts[0]);
    if (at === undefined) throw bad('datetime: an instant cannot be open; write an interval such as 2019-01-01/.. .');
    return { start: at, end: at };
  }
  const [start, stop] = [end(parts[0]), end(parts[1])];
  if (start !== undefined && stop !== undefined && startOf(start) > startOf(stop)) throw bad('datetime: the interval ends before it starts.');
  return { ...(start !== undefined ? { start } : {}), ...(stop !== undefined ? { end: stop } : {}) };
}
