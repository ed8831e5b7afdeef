import { z } from 'zod';
import { FUNCS, Func } from '../../model/analyze';
import { AppError } from '../../errors/catalogue';
import { booleanParam, callbackParam, recordsFilter } from '../shared/commonParams';
import type { ParamReader } from '../shared/paramReader';
import type { SeriesParams, AnalyzeRequest } from '../../model/recordsRequest';
import { requireCallback } from '../shared/requireCallback';

const UNITS = ['year', 'month', 'week', 'day', 'hour', 'minute'] as const;
const scalars = z.object({
  precision: z.enum(UNITS, `must be one of ${UNITS.join(', ')}`).optional(),
  periodic: z.enum([...UNITS, 'weekday'], `must be one of ${[...UNITS, 'weekday'].join(', ')}`).optional(),
  // ods-analysis sends `maxpoints=0` and ods-chart `maxpoints=` (empty) to mean "no cap", as does leaving it out.
  maxpoints: z.string().regex(/^\d{0,6}$/, 'must be a whole number').transform((v) => (Number(v) > 0 ? Number(v) : undefined)).optional(),
  sort: z.string().max(200).optional(),
  format: z.enum(['json', 'jsonp', 'csv'], 'must be json, jsonp or csv').default('json'),
  callback: callbackParam.optional(),
  pretty_print: booleanParam.default(false),
  csv_separator: z.enum([';', ',', '\t', '|'], 'must be ; , | or a tab').default(';'),
});
/** The scalar parameters as they are validated: the OpenAPI document (src/http/openapi/) is generated from them. */
export const ANALYZE_SCALARS = scalars;

const MAX_SERIES = 20;

/** The `y.<serie>.func|expr|cumulative` parameters, grouped by series. */
export function seriesParams(r: ParamReader): SeriesParams[] {
  const byName = new Map<string, Partial<Record<'func' | 'expr' | 'cumulative', string>>>();
  for (const [key, values] of r.family('y')) {
    const m = /^([A-Za-z_][\w-]{0,63})\.(func|expr|cumulative)$/.exec(key);
    if (!m) throw new AppError('bad_parameter', `Parameter y.${key.slice(0, 80)} is not y.<serie>.func, .expr or .cumulative.`, { parameter: `y.${key.slice(0, 80)}` });
    if (values.length > 1) throw new AppError('bad_parameter', `Parameter y.${key} must be given once.`, { parameter: `y.${key}` });
    byName.set(m[1], { ...byName.get(m[1]), [m[2]]: values[0] });
  }
  if (byName.size > MAX_SERIES) throw new AppError('bad_parameter', `At most ${MAX_SERIES} series.`, { parameter: 'y' });
  return [...byName].map(([name, p]) => {
    const func = (p.func ?? 'COUNT').toUpperCase();
    if (!(FUNCS as readonly string[]).includes(func)) throw new AppError('bad_parameter', `Invalid y.${name}.func: must be one of ${FUNCS.join(', ')}`, { parameter: `y.${name}.func` });
    if (p.cumulative !== undefined && p.cumulative !== 'true' && p.cumulative !== 'false') {
      throw new AppError('bad_parameter', `Invalid y.${name}.cumulative: must be true or false`, { parameter: `y.${name}.cumulative` });
    }
    const expr = (p.expr ?? '').trim();
    if (func !== 'COUNT' && expr === '') throw new AppError('bad_parameter', `Parameter y.${name}.expr is required with ${func}.`, { parameter: `y.${name}.expr` });
    return { name, func: func as Func, expr, cumulative: p.cumulative === 'true' };
  });
}

export function analyzeParams(r: ParamReader): AnalyzeRequest {
  const s = r.scalars(scalars, Object.keys(scalars.shape));
  requireCallback(s.format, s.callback);
  const ys = seriesParams(r);
  if (ys.length === 0) throw new AppError('bad_parameter', 'At least one series is needed: y.<serie>.func (and y.<serie>.expr).', { parameter: 'y' });
  return {
    ...recordsFilter(r),
    x: r.all('x').flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean),
    precision: s.precision, periodic: s.periodic, series: ys, sort: s.sort, maxpoints: s.maxpoints,
    output: { format: s.format, callback: s.callback, prettyPrint: s.pretty_print, csvSeparator: s.csv_separator, withBom: false, useLabelsForHeader: false },
  };
}
