import type { RequestHandler } from 'express';
import type { Deps } from '../../execute/deps';
import { runExport } from '../../usecases/runExport';
import { downloadParams } from './downloadParams';
import { streamWriter } from '../../render/formats/streamWriter';
import { guardJsonp } from '../shared/guardJsonp';
import { requestParams } from '../shared/requestParams';
import { routeAccess } from '../shared/routeAccess';
import { streamExport } from '../shared/streamExport';

/** `/api/records/1.0/download`: every matching record, streamed from one snapshot (reference/ods-v1.md §1.5). */
export function downloadHandler(deps: Deps, clock: () => number, pageSize: number): RequestHandler {
  return async (req, res) => {
    const params = requestParams(req);
    const request = downloadParams(params);
    guardJsonp(req, request.output.format, params.raw.has('apikey'));
    const { plan, pages } = await runExport(deps, routeAccess(req), request, clock(), pageSize);
    const records = { schema: plan.schema, timeZone: plan.timeZone, datasetId: plan.datasetId };
    const format = { records, columns: plan.fields ?? plan.schema, output: request.output, filename: plan.datasetId.replace(/[^\w@-]/g, '_') };
    const writer = streamWriter(request.output.format, request.output.callback, format);
    await streamExport(res, writer, pages);
  };
}
