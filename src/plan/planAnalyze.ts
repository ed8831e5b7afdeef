import type { FieldDef } from '../model/descriptor';
import { AppError } from '../errors/catalogue';
import type { AnalyzeRequest } from '../model/recordsRequest';
import type { DatasetTarget } from '../model/dataset';
import { planRecordsFilter } from './planRecordsFilter';
import { isNumeric, isTemporal } from '../model/querySchema';
import { AnalyzePlan, DATE_PARTS, DatePart, Series, XSource } from '../model/analyze';
import { exprFields, parseExpression } from '../query/expression';
import { sortSpec } from '../model/sortSpec';

const bad = (parameter: string, message: string): AppError => new AppError('bad_parameter', message, { parameter });
const ORDER: DatePart[] = ['year', 'month', 'day', 'hour', 'minute'];

/** The parts of one date x from `periodic` (the largest, default year) down to `precision` (default day). */
function dateSource(field: FieldDef, req: AnalyzeRequest, explicit: DatePart[]): XSource {
  const timeZone = field.type === 'datetime' ? req.timeZone : 'UTC';
  if (explicit.length > 0) {
    const finest = [...explicit].sort((a, b) => DATE_PARTS.indexOf(b) - DATE_PARTS.indexOf(a))[0];
    const interval = finest === 'weekday' ? 'day' : finest;
    return { kind: 'date', field, parts: explicit, interval, timeZone };
  }
  const precision = (req.precision ?? 'day') as 'year' | 'month' | 'week' | 'day' | 'hour' | 'minute';
  const periodic = (req.periodic ?? 'year') as DatePart;
  if (precision === 'week') {
    if (periodic !== 'year' && periodic !== 'week') throw bad('precision', `precision=week goes with periodic=year or week, not ${periodic}`);
    return { kind: 'date', field, parts: periodic === 'year' ? ['year', 'week'] : ['week'], interval: 'week', timeZone };
  }
  if (periodic === 'weekday' || periodic === 'week') {
    const finer = ORDER.slice(ORDER.indexOf('day') + 1, ORDER.indexOf(precision) + 1);
    return { kind: 'date', field, parts: [periodic, ...finer], interval: finer.length ? precision : 'day', timeZone };
  }
  const from = ORDER.indexOf(periodic), to = ORDER.indexOf(precision);
  if (to < from) throw bad('precision', `precision=${precision} is coarser than periodic=${periodic}`);
  return { kind: 'date', field, parts: ORDER.slice(from, to + 1), interval: precision, timeZone };
}

function xSources(schema: readonly FieldDef[], req: AnalyzeRequest): XSource[] {
  const byField = new Map<string, DatePart[]>();
  for (const x of req.x) {
    const [name, part, more] = x.split('.');
    const field = schema.find((f) => f.name === name);
    if (!field || more !== undefined) throw bad('x', `Unknown field "${x.slice(0, 100)}" in x.`);
    if (part !== undefined && (!isTemporal(field.type) || !(DATE_PARTS as readonly string[]).includes(part))) throw bad('x', `"${x}" is not a part of a date field (year, month, week, weekday, day, hour, minute).`);
    byField.set(name, [...(byField.get(name) ?? []), ...(part ? [part as DatePart] : [])]);
  }
  if (byField.size > 3) throw bad('x', 'At most three x fields.');
  return [...byField].map(([name, parts]) => {
    const field = schema.find((f) => f.name === name)!;
    if (isTemporal(field.type)) return dateSource(field, req, parts);
    if (field.type === 'text' || isNumeric(field.type)) return { kind: 'terms', field };
    throw bad('x', `Field ${name} (${field.type}) cannot be an x.`);
  });
}

function seriesOf(schema: readonly FieldDef[], req: AnalyzeRequest): Series[] {
  return req.series.map((s) => {
    if (s.func === 'COUNT' && s.expr === '') return { name: s.name, func: s.func, cumulative: s.cumulative };
    const parameter = `y.${s.name}.expr`;
    const expr = parseExpression(s.expr, parameter);
    for (const name of exprFields(expr)) {
      const f = schema.find((x) => x.name === name);
      if (!f) throw bad(parameter, `Unknown field "${name}" in y.${s.name}.expr.`);
      if (!isNumeric(f.type)) throw bad(parameter, `Field ${name} in y.${s.name}.expr is ${f.type}, not a number.`);
    }
    return { name: s.name, func: s.func, expr, field: expr.kind === 'field' ? expr.name : undefined, cumulative: s.cumulative };
  });
}

function sortOf(req: AnalyzeRequest, series: Series[]): AnalyzePlan['sort'] {
  if (!req.sort) return undefined;
  const { name, dashed } = sortSpec(req.sort);
  const descending = !dashed;
  const by = name.replace(/^y\./, '');
  const byX = by === 'x' || by.startsWith('x.');
  if (!byX && !series.some((s) => s.name === by)) throw bad('sort', `sort must be x, -x, a series name or -name, not "${req.sort}"`);
  return { by: byX ? 'x' : by, descending };
}

/** An analyze request over a resolved dataset → what to group on, what to compute, how to order. */
export function planAnalyze(req: AnalyzeRequest, target: DatasetTarget, now: number): AnalyzePlan {
  const query = planRecordsFilter(target.schema, req, now);
  const series = seriesOf(target.schema, req);
  const valueFields = series.some((s) => s.expr && !s.field) ? [...new Set(series.flatMap((s) => (s.expr ? [...exprFields(s.expr)] : [])))] : [];
  return { index: target.index, query, xs: xSources(target.schema, req), series, valueFields, sort: sortOf(req, series), maxpoints: req.maxpoints };
}
