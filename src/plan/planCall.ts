import { parseLatLon } from '../geo/latLon';
import { parsePolygonRing } from '../geo/polygonRing';
import type { Argument, Call, Literal, Span } from '../query/ast';
import type { PlanContext } from './planContext';
import { planField } from './planField';
import type { Predicate } from '../model/predicate';
import { isGeo, QueryField } from '../model/querySchema';
import { numberInterval } from '../values/typedValue';

/** Half the Earth's circumference: a larger distance covers the whole planet. */
const MAX_DISTANCE_M = 20_037_509;

function arity(ctx: PlanContext, call: Call, min: number, max: number, usage: string): void {
  if (call.args.length < min || call.args.length > max) ctx.fail(`#${call.name} takes ${usage}`, call.span);
}

function literal(ctx: PlanContext, a: Argument, what: string): Literal {
  return a.kind === 'word' || a.kind === 'phrase' ? a : ctx.fail(`expected ${what}`, a.span);
}

function fieldArg(ctx: PlanContext, a: Argument): { field: QueryField; span: Span } {
  if (a.kind !== 'word') return ctx.fail('expected a field name', a.span);
  return { field: ctx.resolve(a.text, a.span), span: a.span };
}

function geoField(ctx: PlanContext, a: Argument): string {
  const { field, span } = fieldArg(ctx, a);
  return isGeo(field.type) && field.value ? field.value : ctx.fail(`field "${field.name}" is not geographic`, span);
}

function planDistance(call: Call, ctx: PlanContext): Predicate {
  arity(ctx, call, 2, 3, '(field, "lat,lon", metres) or ("lat,lon", metres)');
  const [first, ...rest] = call.args;
  const path = call.args.length === 3 ? geoField(ctx, first) : ctx.firstGeoField(call.span).value!;
  const [centre, distance] = call.args.length === 3 ? rest : [first, rest[0]];
  const point = parseLatLon(literal(ctx, centre, '"latitude,longitude"').text);
  if (!point.ok) ctx.fail(point.message, centre.span);
  const metres = numberInterval(literal(ctx, distance, 'a distance in metres').text, 'double');
  if (!metres.ok || typeof metres.value.from !== 'number' || !(metres.value.from > 0)) return ctx.fail('the distance must be a number of metres greater than 0', distance.span);
  const [lat, lon] = point.value;
  return { kind: 'distance', path, lat, lon, metres: Math.min(metres.value.from, MAX_DISTANCE_M) };
}

function planPolygon(call: Call, ctx: PlanContext): Predicate {
  arity(ctx, call, 1, 2, '(field, "(lat,lon),(lat,lon),...")');
  const path = call.args.length === 2 ? geoField(ctx, call.args[0]) : ctx.firstGeoField(call.span).value!;
  const arg = call.args[call.args.length - 1];
  const ring = parsePolygonRing(literal(ctx, arg, 'a polygon "(lat,lon),(lat,lon),..."').text);
  return ring.ok ? { kind: 'polygon', path, ring: ring.value } : ctx.fail(ring.message, arg.span);
}

/** #search(f1, f2, …, "text") or #search(*, "text"): words in those fields, the last word a prefix. */
function planSearch(call: Call, ctx: PlanContext): Predicate | null {
  if (call.args.length < 2) ctx.fail('#search takes (field, …, "text") or (*, "text")', call.span);
  const text = literal(ctx, call.args[call.args.length - 1], 'the text to search, last');
  const targets = call.args.slice(0, -1);
  const paths = targets.map((a) => {
    if (a.kind === 'star') return ctx.options.schema.allText;
    const { field, span } = fieldArg(ctx, a);
    return field.words ?? ctx.fail(`field "${field.name}" has no words to search`, span);
  });
  return ctx.words([...new Set(paths)], text, 'lastPrefix');
}

/** `#null`, `#exact`, `#startswith`, `#search`, `#distance`, `#polygon` as query clauses. */
export function planCall(call: Call, ctx: PlanContext): Predicate | null {
  switch (call.name) {
    case 'null': {
      arity(ctx, call, 1, 1, 'one field: #null(field)');
      return { kind: 'missing', path: fieldArg(ctx, call.args[0]).field.exists };
    }
    case 'exact': {
      arity(ctx, call, 2, 2, '(field, "value")');
      const { span } = fieldArg(ctx, call.args[0]);
      const value = literal(ctx, call.args[1], 'the value to match');
      return planField({ kind: 'field', field: (call.args[0] as Literal).text, fieldSpan: span, op: '==', value, span: call.span }, ctx);
    }
    case 'startswith': {
      arity(ctx, call, 2, 2, '(field, "prefix")');
      const { field, span } = fieldArg(ctx, call.args[0]);
      if (field.type !== 'text' && field.type !== 'file') ctx.fail(`#startswith needs a text field; "${field.name}" is ${field.type}`, span);
      const prefix = literal(ctx, call.args[1], 'the prefix');
      ctx.countPrefix(prefix.span);
      return { kind: 'prefix', path: field.value ?? ctx.fail(`field "${field.name}" has no whole value`, span), value: prefix.text };
    }
    case 'search': return planSearch(call, ctx);
    case 'distance': return planDistance(call, ctx);
    case 'polygon': return planPolygon(call, ctx);
    case 'now': return ctx.fail('#now is a value: compare a field with it, e.g. date >= #now(days=-7)', call.span);
    default: return ctx.fail(`unknown function #${call.name}`, call.span);
  }
}
