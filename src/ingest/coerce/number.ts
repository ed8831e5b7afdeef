import { Coerced, empty, invalid, isBlank, show, value } from './result';

const DECIMAL = /^[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?$/;

/** Parses a decimal number; a lone comma is read as the decimal mark (French exports). */
function parseDecimal(raw: unknown): number | undefined {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : undefined;
  if (typeof raw !== 'string') return undefined;
  const s = raw.trim().replace(/[\u00a0\u202f ](?=\d{3}\b)/g, '');
  if (!DECIMAL.test(s)) return undefined;
  const n = Number(s.replace(',', '.'));
  return Number.isFinite(n) ? n : undefined;
}

export function coerceDouble(raw: unknown): Coerced<number> {
  if (isBlank(raw)) return empty;
  const n = parseDecimal(raw);
  return n === undefined ? invalid(`not a number: ${show(raw)}`) : value(n);
}

/** ODS truncates decimals in int fields; values beyond 2^53 cannot be kept exactly and are refused. */
export function coerceInt(raw: unknown): Coerced<number> {
  if (isBlank(raw)) return empty;
  const n = parseDecimal(raw);
  if (n === undefined) return invalid(`not an integer: ${show(raw)}`);
  const t = Math.trunc(n);
  return Number.isSafeInteger(t) ? value(t === 0 ? 0 : t) : invalid(`integer out of range: ${show(raw)}`);
}
