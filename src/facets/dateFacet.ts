import { parseDateLiteral } from '../values/dateLiteral';
import { temporalInterval, temporalFormat } from '../values/typedValue';
import type { FacetKind } from '../model/facetKind';

const UNITS = ['year', 'month', 'day'] as const;
const FORMATS = ['yyyy', 'yyyy/MM', 'yyyy/MM/dd'];
const PATH = /^(\d{4})(?:\/(\d{1,2})(?:\/(\d{1,2}))?)?$/;

interface HistogramResult { buckets?: Array<{ key_as_string?: string; doc_count: number }> }

/**
 * Date and datetime facets: year → month → day (`2019`, `2019/09`, `2019/09/27`). Datetimes are
 * bucketed in the request's time zone; dates are calendar days and have none.
 */
export const dateFacet: FacetKind = {
  maxDepth: 3,
  parsePath(_ctx, raw) {
    const m = PATH.exec(raw.trim());
    if (!m || !parseDateLiteral(raw.trim()).ok) return undefined;
    const parts = [m[1], m[2], m[3]].filter((x): x is string => x !== undefined).map((x, i) => (i === 0 ? x : x.padStart(2, '0')));
    return { path: parts.join('/'), depth: parts.length };
  },
  select(ctx, p) {
    const type = ctx.field.type === 'date' ? 'date' : 'datetime';
    const lit = parseDateLiteral(p.path);
    if (!lit.ok) return { kind: 'none' };
    const iv = temporalInterval(lit.value, type, ctx.timeZone);
    return { kind: 'range', path: ctx.valuePath, bounds: { gte: iv.from, lt: iv.to }, format: temporalFormat(ctx.field.type) };
  },
  level(ctx, depth) {
    return {
      date_histogram: {
        field: ctx.valuePath, calendar_interval: UNITS[depth - 1], format: FORMATS[depth - 1], min_doc_count: 1,
        ...(ctx.field.type === 'datetime' ? { time_zone: ctx.timeZone } : {}),
      },
    };
  },
  read: (_ctx, result) => ((result as HistogramResult).buckets ?? []).map((b) => ({ path: b.key_as_string ?? '', count: b.doc_count })),
  nameOf: (_ctx, path) => path.slice(path.lastIndexOf('/') + 1),
  isUnder: (_ctx, parent, path) => path.startsWith(`${parent}/`),
  parentOf: (_ctx, path) => (path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : undefined),
};
