import { parseExpression } from '../query/expression';
import type { Series } from '../model/analyze';
import { AppError } from '../errors/catalogue';
import type { GeoPlan } from '../model/geo';
import type { GeoRequest } from '../model/recordsRequest';
import type { DatasetTarget } from '../model/dataset';
import { planRecordsFilter } from './planRecordsFilter';
import { isGeo, isNumeric } from '../model/querySchema';

/** A map request over a resolved dataset: the records it covers, their first geo field, the series per cluster. */
export function planGeo(req: GeoRequest, target: DatasetTarget, now: number): GeoPlan {
  const geo = target.schema.find((f) => isGeo(f.type));
  if (!geo) throw new AppError('bad_parameter', `Dataset ${target.datasetId} has no geographic field.`, { parameter: 'dataset' });
  const series: Series[] = req.series.map((s) => {
    if (s.func === 'COUNT') return { name: s.name, func: s.func, cumulative: false };
    const parameter = `y.${s.name}.expr`;
    const expr = parseExpression(s.expr, parameter);
    const field = expr.kind === 'field' ? target.schema.find((x) => x.name === expr.name) : undefined;
    if (!field || !isNumeric(field.type)) throw new AppError('bad_parameter', `Invalid ${parameter}: a numeric field of the dataset is expected here.`, { parameter });
    return { name: s.name, func: s.func, expr, field: field.name, cumulative: false };
  });
  return { index: target.index, query: planRecordsFilter(target.schema, req, now), geoField: geo.name, series };
}
