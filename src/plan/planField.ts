import type { Call, Literal, QueryNode } from '../query/ast';
import { parseDateLiteral } from '../values/dateLiteral';
import { betweenBounds, boundsPredicate, comparisonBounds } from '../values/comparison';
import { evaluateNow } from '../values/nowFunction';
import type { PlanContext } from './planContext';
import type { Predicate } from '../model/predicate';
import { isGeo, isNumeric, isTemporal, QueryField } from '../model/querySchema';
import { instantInterval, Interval, numberInterval, temporalInterval } from '../values/typedValue';

type FieldNode = Extract<QueryNode, { kind: 'field' }>;
type RangeNode = Extract<QueryNode, { kind: 'range' }>;

/** The interval a literal or #now stands for on a number, date or datetime field. */
function interval(ctx: PlanContext, field: QueryField, value: Literal | Call): Interval {
  const type = field.type;
  if (value.kind === 'call') {
    if (value.name !== 'now') ctx.fail(`#${value.name} is not a value; only #now can be compared with a field`, value.span);
    if (!isTemporal(type)) ctx.fail(`#now cannot be compared with ${type} field "${field.name}"`, value.span);
    return instantInterval(evaluateNow(value, ctx.options.now, ctx.options.timeZone, (m, s) => ctx.fail(m, s)), type, ctx.options.timeZone);
  }
  if (isNumeric(type)) {
    const n = numberInterval(value.text, type);
    return n.ok ? n.value : ctx.fail(`${n.message} (field "${field.name}" is ${type})`, value.span);
  }
  if (!isTemporal(type)) return ctx.fail(`field "${field.name}" cannot be compared`, value.span);
  const d = parseDateLiteral(value.text.trim());
  return d.ok ? temporalInterval(d.value, type, ctx.options.timeZone) : ctx.fail(d.message, value.span);
}

const valuePath = (ctx: PlanContext, field: QueryField, node: { fieldSpan: FieldNode['fieldSpan'] }, what: string): string =>
  field.value ?? ctx.fail(`field "${field.name}" has no whole value to ${what}`, node.fieldSpan);

/** `f:v`, `f=v`, `f==v`, `f>v`, `f<v`, `f>=v`, `f<=v` (SPEC §3). */
export function planField(node: FieldNode, ctx: PlanContext): Predicate | null {
  const field = ctx.resolve(node.field, node.fieldSpan);
  const { op, value } = node;
  if (isGeo(field.type)) return ctx.fail(`field "${field.name}" is geographic: use #distance or #polygon`, node.fieldSpan);
  if (isNumeric(field.type) || isTemporal(field.type)) {
    return boundsPredicate(field, valuePath(ctx, field, node, 'compare'), comparisonBounds(op, interval(ctx, field, value)));
  }
  if (op !== ':' && op !== '=' && op !== '==') return ctx.fail(`operator ${op} is not valid for ${field.type} field "${field.name}"`, node.fieldSpan);
  if (value.kind === 'call') return ctx.fail(`#${value.name} cannot be compared with ${field.type} field "${field.name}"`, value.span);
  if (op !== '==' && field.words) return ctx.words([field.words], value);
  return { kind: 'term', path: valuePath(ctx, field, node, 'match exactly'), value: value.text };
}

/** `f:[a TO b]`, inclusive; `*` leaves an end open. */
export function planRange(node: RangeNode, ctx: PlanContext): Predicate {
  const field = ctx.resolve(node.field, node.fieldSpan);
  if (!isNumeric(field.type) && !isTemporal(field.type)) {
    return ctx.fail(`a range is not valid for ${field.type} field "${field.name}"`, node.fieldSpan);
  }
  const end = (v: Literal | Call): Interval | undefined => (v.kind === 'word' && v.text === '*' ? undefined : interval(ctx, field, v));
  return boundsPredicate(field, valuePath(ctx, field, node, 'compare'), betweenBounds(end(node.from), end(node.to)));
}
