import type { FieldOperator } from '../query/ast';
import type { Predicate, RangeBounds } from '../model/predicate';
import type { QueryField } from '../model/querySchema';
import { Interval, temporalFormat } from './typedValue';

const upper = (iv: Interval): RangeBounds => (iv.toInclusive ? { lte: iv.to } : { lt: iv.to });

/** A comparison with a value standing for an interval: `d:2013` is within 2013, `d>2013` after it, `d<=2013` up to its end. */
export function comparisonBounds(op: FieldOperator, iv: Interval): RangeBounds {
  switch (op) {
    case ':': case '=': case '==': return { gte: iv.from, ...upper(iv) };
    case '>': return iv.toInclusive ? { gt: iv.to } : { gte: iv.to };
    case '>=': return { gte: iv.from };
    case '<': return { lt: iv.from };
    case '<=': return upper(iv);
  }
}

/** `[a TO b]`, inclusive of both ends' whole periods; an open end (`*`) is unbounded. */
export function betweenBounds(from: Interval | undefined, to: Interval | undefined): RangeBounds {
  return { ...(from ? { gte: from.from } : {}), ...(to ? upper(to) : {}) };
}

/** Integer fields: decimal bounds become the integer bounds selecting the same values. */
function integerBounds(b: RangeBounds): { low?: number; high?: number } {
  const n = (v: RangeBounds['gte']): number | undefined => (typeof v === 'number' ? v : undefined);
  const lows = [n(b.gte) !== undefined ? Math.ceil(n(b.gte)!) : undefined, n(b.gt) !== undefined ? Math.floor(n(b.gt)!) + 1 : undefined];
  const highs = [n(b.lte) !== undefined ? Math.floor(n(b.lte)!) : undefined, n(b.lt) !== undefined ? Math.ceil(n(b.lt)!) - 1 : undefined];
  const defined = (xs: Array<number | undefined>): number[] => xs.filter((x): x is number => x !== undefined);
  const low = defined(lows), high = defined(highs);
  return { low: low.length ? Math.max(...low) : undefined, high: high.length ? Math.min(...high) : undefined };
}

/** Bounds on a field's typed value → a term (a single value), a range, or nothing at all. */
export function boundsPredicate(field: QueryField, path: string, bounds: RangeBounds): Predicate {
  if (field.type === 'int') {
    const { low, high } = integerBounds(bounds);
    if (low !== undefined && high !== undefined && low > high) return { kind: 'none' };
    if (low !== undefined && low === high) return { kind: 'term', path, value: low };
    return { kind: 'range', path, bounds: { ...(low !== undefined ? { gte: low } : {}), ...(high !== undefined ? { lte: high } : {}) } };
  }
  if (field.type === 'double' && bounds.gte !== undefined && bounds.gte === bounds.lte) return { kind: 'term', path, value: bounds.gte };
  const format = temporalFormat(field.type);
  return { kind: 'range', path, bounds, ...(format ? { format } : {}) };
}
