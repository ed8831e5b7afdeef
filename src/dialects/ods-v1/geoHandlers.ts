import type { Request, RequestHandler } from 'express';
import type { Deps } from '../../execute/deps';
import { resolveDataset } from '../../usecases/resolveDataset';
import { runBoundingBox } from '../../usecases/runBoundingBox';
import { runGeocluster } from '../../usecases/runGeocluster';
import { runGeopreview } from '../../usecases/runGeopreview';
import { mergeClusters } from '../../results/mergeClusters';
import { planGeo } from '../../plan/planGeo';
import { geoParams } from './geoParams';
import { GeoRequest } from '../../model/recordsRequest';
import { jsonText } from '../../render/jsonText';
import { geoclusterBody } from './renderGeocluster';
import { guardJsonp } from '../shared/guardJsonp';
import { requestParams } from '../shared/requestParams';
import { routeAccess } from '../shared/routeAccess';
import { send } from '../shared/send';
import { jsonAnswer } from '../../render/jsonAnswer';

function reply(res: Parameters<RequestHandler>[1], req: GeoRequest, body: unknown): void {
  const json = jsonText(body, req.prettyPrint);
  send(res, jsonAnswer(json, req));
}

async function prepare(deps: Deps, clock: () => number, req: Request, needsZoom: boolean) {
  const params = requestParams(req);
  const request = geoParams(params, needsZoom);
  guardJsonp(req, request.format, params.raw.has('apikey'));
  const target = await resolveDataset(deps, routeAccess(req), request.dataset);
  return { request, target, plan: planGeo(request, target, clock()) };
}

/** `geocluster`, `boundingbox` and `geopreview` (reference/ods-v1.md §1.7–§1.8), for the map widgets. */
export function geoHandlers(deps: Deps, clock: () => number): Record<'geocluster' | 'boundingbox' | 'geopreview', RequestHandler> {
  return {
    geocluster: async (req, res) => {
      const { request, plan } = await prepare(deps, clock, req, true);
      const zoom = request.clusterprecision!;
      const clusters = mergeClusters(await runGeocluster(deps, plan, zoom, request.shapeprecision), zoom, request.clusterdistance);
      reply(res, request, geoclusterBody(clusters, plan.series, zoom));
    },
    boundingbox: async (req, res) => {
      const { request, plan } = await prepare(deps, clock, req, false);
      reply(res, request, await runBoundingBox(deps, plan));
    },
    geopreview: async (req, res) => {
      const { request, plan, target } = await prepare(deps, clock, req, false);
      const shape = target.schema.find((f) => f.name === plan.geoField && f.type === 'geo_shape')?.name;
      reply(res, request, await runGeopreview(deps, plan, shape, request.rows, request.clusterprecision));
    },
  };
}
