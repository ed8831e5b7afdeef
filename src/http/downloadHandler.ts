import type { RequestHandler } from 'express';
import type { Deps } from '../execute/deps';
import { exportRecords } from '../execute/exportRecords';
import { resolveDataset } from '../execute/resolveDataset';
import { downloadParams } from '../params/downloadParams';
import { planExport } from '../plan/planExport';
import { exportWriter } from '../render/exportWriter';
import { guardJsonp } from './guardJsonp';
import { requestParams } from './requestParams';
import { routeAccess } from './authenticate';
import { streamExport } from './streamExport';

/** `/api/records/1.0/download`: every matching record, streamed from one snapshot (reference/ods-v1.md §1.5). */
export function downloadHandler(deps: Deps, clock: () => number, pageSize: number): RequestHandler {
  return async (req, res) => {
    const params = requestParams(req);
    const request = downloadParams(params);
    guardJsonp(req, request.output.format, params.raw.has('apikey'));
    const target = await resolveDataset(deps, routeAccess(req), request.dataset);
    const plan = planExport(request, target, clock());
    const ctx = { schema: plan.schema, timeZone: plan.timeZone, datasetId: plan.datasetId };
    const writer = exportWriter(request.output, ctx, plan.fields ?? plan.schema, plan.datasetId.replace(/[^\w@-]/g, '_'));
    await streamExport(res, writer, exportRecords(deps, plan, pageSize));
  };
}
