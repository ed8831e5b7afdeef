import type { Span } from '../../query/ast';
import type { Cql2Comparison, Cql2Scalar } from '../../query/cql2/cql2Ast';
import type { Bound, Predicate, RangeBounds } from '../../model/predicate';
import { isGeo, isNumeric, isTemporal, type QueryField } from '../../model/querySchema';
import { betweenBounds, boundsPredicate, comparisonBounds } from '../../values/comparison';
import { parseDateLiteral } from '../../values/dateLiteral';
import { temporalInterval, type Interval } from '../../values/typedValue';
import type { Cql2Context } from './cql2Context';

/** A comparison without `<>` (planned as the negation of `=`). */
export type Cql2Order = Exclude<Cql2Comparison, '<>'>;

const DATE_TEXT = /^\d{4}-\d{2}-\d{2}$/;
/** A date as GDAL 3.6 writes one in a pushed-down filter: `'2019-06-21T'`. */
const GDAL_DATE = /^(\d{4}-\d{2}-\d{2})T$/;

/** How a message names a property that is no number (numbers have their own messages). */
const typeName = (f: QueryField): string => (isTemporal(f.type) ? `a ${f.type}` : f.type === 'text' ? 'a string' : f.type);

/** A literal (not a property) or an error. */
function literal(ctx: Cql2Context, s: Cql2Scalar): Exclude<Cql2Scalar, { kind: 'property' }> {
  if (s.kind === 'property') return ctx.fail(`comparing two properties is not supported: compare "${s.name.slice(0, 100)}" with a value`, s.span);
  return s;
}

/** A DATE, a TIMESTAMP (an instant), or a string shaped as one (or as GDAL writes a date), as the interval it stands for on a date or datetime property. */
function temporalValue(ctx: Cql2Context, field: QueryField & { type: 'date' | 'datetime' }, s: Cql2Scalar): Interval {
  const v = literal(ctx, s);
  const text = v.kind === 'date' || v.kind === 'timestamp' ? v.text : v.kind === 'string' ? v.value.trim().replace(GDAL_DATE, '$1') : undefined;
  if (text === undefined) return ctx.fail(`property "${field.name}" is ${typeName(field)}: compare it with DATE('…') or TIMESTAMP('…')`, v.span);
  const d = parseDateLiteral(text);
  if (!d.ok) return ctx.fail(d.message, v.span);
  // DATE('…') always holds a date alone (the parser checks its shape).
  const instant = v.kind === 'timestamp' || !DATE_TEXT.test(text);
  return temporalInterval(instant ? { ...d.value, unit: 'instant' } : d.value, field.type, ctx.options.timeZone);
}

/** A number or string literal, checked against the property's type. */
function plainValue(ctx: Cql2Context, field: QueryField, s: Cql2Scalar): Bound {
  const v = literal(ctx, s);
  if (isNumeric(field.type)) return v.kind === 'number' ? v.value : ctx.fail(`property "${field.name}" is a number: compare it with a number`, v.span);
  if (v.kind === 'string') return v.value;
  if (v.kind === 'boolean') return ctx.fail(`there is no boolean property: "${field.name}" is ${typeName(field)}`, v.span);
  return ctx.fail(`property "${field.name}" is ${typeName(field)}: compare it with a quoted string ('…')`, v.span);
}

/** A property whose values can be compared (no geometry), or an error. */
export function comparable(ctx: Cql2Context, s: Cql2Scalar, what: string): QueryField {
  if (s.kind !== 'property') return ctx.fail(`${what} needs a property on its left`, s.span);
  const field = ctx.resolve(s);
  if (isGeo(field.type)) ctx.fail(`property "${field.name}" is a geometry: use S_INTERSECTS or IS NULL`, s.span);
  return field;
}

const ORDER_BOUNDS: Record<Cql2Order, (v: Bound) => RangeBounds> = {
  '=': (v) => ({ gte: v, lte: v }), '<': (v) => ({ lt: v }), '<=': (v) => ({ lte: v }), '>': (v) => ({ gt: v }), '>=': (v) => ({ gte: v }),
};

/** `property op literal` → the predicate on the property's typed value. */
export function compareValue(ctx: Cql2Context, field: QueryField, op: Cql2Order, value: Cql2Scalar, span: Span): Predicate {
  const path = ctx.valuePath(field, span);
  if (field.type === 'date' || field.type === 'datetime') {
    return boundsPredicate(field, path, comparisonBounds(op, temporalValue(ctx, field as QueryField & { type: 'date' | 'datetime' }, value)));
  }
  const v = plainValue(ctx, field, value);
  if (isNumeric(field.type)) return boundsPredicate(field, path, ORDER_BOUNDS[op](v));
  return op === '=' ? { kind: 'term', path, value: v } : { kind: 'range', path, bounds: ORDER_BOUNDS[op](v) };
}

/** `property BETWEEN low AND high`, both ends included. */
export function betweenValues(ctx: Cql2Context, field: QueryField, low: Cql2Scalar, high: Cql2Scalar, span: Span): Predicate {
  const path = ctx.valuePath(field, span);
  if (field.type === 'date' || field.type === 'datetime') {
    const typed = field as QueryField & { type: 'date' | 'datetime' };
    return boundsPredicate(field, path, betweenBounds(temporalValue(ctx, typed, low), temporalValue(ctx, typed, high)));
  }
  const bounds = { gte: plainValue(ctx, field, low), lte: plainValue(ctx, field, high) };
  return isNumeric(field.type) ? boundsPredicate(field, path, bounds) : { kind: 'range', path, bounds };
}
