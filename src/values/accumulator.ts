import type { Func, Acc } from '../model/analyze';

export const emptyAcc = (): Acc => ({ docs: 0, n: 0, sum: 0, sumsq: 0, min: Infinity, max: -Infinity });

export function addValue(a: Acc, v: number, weight: number): void {
  a.n += weight; a.sum += v * weight; a.sumsq += v * v * weight;
  if (v < a.min) a.min = v;
  if (v > a.max) a.max = v;
}

export function merge(a: Acc, b: Acc): void {
  a.docs += b.docs; a.n += b.n; a.sum += b.sum; a.sumsq += b.sumsq;
  a.min = Math.min(a.min, b.min); a.max = Math.max(a.max, b.max);
}

/** The value of a function over what was accumulated; null when there was nothing to compute it from. */
export function resultOf(a: Acc, func: Func): number | null {
  if (func === 'COUNT') return a.docs;
  if (a.n === 0) return func === 'SUM' || func === 'SUMSQUARES' ? 0 : null;
  switch (func) {
    case 'AVG': return a.sum / a.n;
    case 'SUM': return a.sum;
    case 'MIN': return a.min;
    case 'MAX': return a.max;
    case 'SUMSQUARES': return a.sumsq;
    case 'STDDEV': { const m = a.sum / a.n; return Math.sqrt(Math.max(0, a.sumsq / a.n - m * m)); }
  }
}
