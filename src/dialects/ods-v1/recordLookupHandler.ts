import type { RequestHandler } from 'express';
import { AppError } from '../../errors/catalogue';
import type { Deps } from '../../execute/deps';
import { getRecord } from '../../execute/getRecord';
import { resolveDataset } from '../../usecases/resolveDataset';
import { recordLookupParams } from './recordLookupParams';
import { jsonText } from '../../render/jsonText';
import { fieldsByName, recordObject } from '../../render/recordObject';
import { guardJsonp } from '../shared/guardJsonp';
import { requestParams } from '../shared/requestParams';
import { routeAccess } from '../shared/routeAccess';
import { send } from '../shared/send';
import { jsonAnswer } from '../../render/jsonAnswer';

/** Record lookup (reference/ods-v1.md §1.4): one record object, or the same 404 as for an unknown dataset's record. */
export function recordLookupHandler(deps: Deps): RequestHandler {
  return async (req, res) => {
    const params = requestParams(req);
    const r = recordLookupParams(params, String(req.params.datasetid), String(req.params.recordid));
    guardJsonp(req, r.format, params.raw.has('apikey'));
    const target = await resolveDataset(deps, routeAccess(req), r.dataset);
    const hit = await getRecord(deps, target.index, r.recordid);
    if (!hit) throw new AppError('not_found', `Unknown record: ${r.recordid}`);
    const json = jsonText(recordObject(hit, { schema: target.schema, timeZone: r.timeZone, datasetId: target.datasetId }, fieldsByName(target.schema)), r.prettyPrint);
    send(res, jsonAnswer(json, r));
  };
}
