import type { RequestHandler } from 'express';
import type { Deps } from '../../execute/deps';
import { recordLookupParams } from './recordLookupParams';
import { jsonText } from '../../text/jsonText';
import { fieldsByName, recordObject } from '../../render/recordObject';
import { guardJsonp } from '../shared/guardJsonp';
import { requestParams } from '../shared/requestParams';
import { routeAccess } from '../shared/routeAccess';
import { send } from '../shared/send';
import { runRecordLookup } from '../../usecases/runRecordLookup';
import { jsonAnswer } from '../../render/jsonAnswer';

/** Record lookup (reference/ods-v1.md §1.4): one record object, or the same 404 as for an unknown dataset's record. */
export function recordLookupHandler(deps: Deps): RequestHandler {
  return async (req, res) => {
    const params = requestParams(req);
    const r = recordLookupParams(params, String(req.params.datasetid), String(req.params.recordid));
    guardJsonp(req, r.format, params.raw.has('apikey'));
    const { target, hit } = await runRecordLookup(deps, routeAccess(req), r);
    const json = jsonText(recordObject(hit, { schema: target.schema, timeZone: r.timeZone, datasetId: target.datasetId }, fieldsByName(target.schema)), r.prettyPrint);
    send(res, jsonAnswer(json, r));
  };
}
