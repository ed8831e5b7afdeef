import type { RequestHandler } from 'express';
import type { Deps } from '../../execute/deps';
import { runAnalyze } from '../../usecases/runAnalyze';
import { analyzeParams } from './analyzeParams';
import { renderAnalyze } from './renderAnalyze';
import { guardJsonp } from '../shared/guardJsonp';
import { requestParams } from '../shared/requestParams';
import { routeAccess } from '../shared/routeAccess';
import { send } from '../shared/send';

/** `/api/records/1.0/analyze` (reference/ods-v1.md §1.6): aggregations for charts, without any script. */
export function analyzeHandler(deps: Deps, clock: () => number): RequestHandler {
  return async (req, res) => {
    const params = requestParams(req);
    const request = analyzeParams(params);
    guardJsonp(req, request.output.format, params.raw.has('apikey'));
    const { plan, points, truncated } = await runAnalyze(deps, routeAccess(req), request, clock());
    send(res, renderAnalyze(points, plan.series.map((s) => s.name), request.output, truncated));
  };
}
