import type { Request, RequestHandler } from 'express';
import type { Deps } from '../../execute/deps';
import { runBoundingBox } from '../../usecases/runBoundingBox';
import { runGeocluster } from '../../usecases/runGeocluster';
import { runGeopreview } from '../../usecases/runGeopreview';
import { geoParams } from './geoParams';
import { GeoRequest } from '../../model/recordsRequest';
import { jsonText } from '../../text/jsonText';
import { geoclusterBody } from './renderGeocluster';
import { MAX_CLUSTER_CELLS } from '../../compile/compileGeo';
import { guardJsonp } from '../shared/guardJsonp';
import { requestParams } from '../shared/requestParams';
import { routeAccess } from '../shared/routeAccess';
import { send } from '../shared/send';
import { JSON_TYPE, jsonAnswer } from '../../render/jsonAnswer';
import { jsonArrayPieces, jsonEnvelopePieces, jsonPiecesWriter } from '../../render/jsonPieces';
import { downloadBeside, inPieces, sendInPieces, type PageLimits } from '../shared/sendInPieces';
import { streamExport } from '../shared/streamExport';

function reply(res: Parameters<RequestHandler>[1], req: GeoRequest, body: unknown): void {
  const json = jsonText(body, req.prettyPrint);
  send(res, jsonAnswer(json, req));
}

/** Cells per grid page of a geocluster: ten times the records of a page's piece (a cell is about a tenth of a record), within the grid's limit. */
const gridPage = (pieceRows: number): number => Math.min(pieceRows * 10, MAX_CLUSTER_CELLS);

function read(req: Request, needsZoom: boolean): GeoRequest {
  const params = requestParams(req);
  const request = geoParams(params, needsZoom);
  guardJsonp(req, request.format, params.raw.has('apikey'));
  return request;
}

/** `geocluster`, `boundingbox` and `geopreview` (reference/ods-v1.md §1.7–§1.8), for the map widgets. */
export function geoHandlers(deps: Deps, clock: () => number, pages: PageLimits): Record<'geocluster' | 'boundingbox' | 'geopreview', RequestHandler> {
  return {
    geocluster: async (req, res) => {
      const request = read(req, true);
      const { plan, zoom, clusters } = await runGeocluster(deps, routeAccess(req), request, clock(), gridPage(pages.pieceRows));
      const body = geoclusterBody(clusters, plan.series, zoom);
      if (body.clusters.length <= pages.pieceRows) return reply(res, request, body);
      // Many clusters are written a piece at a time.
      const pieces = jsonEnvelopePieces({ ...body, clusters: [] }, 'clusters', request.prettyPrint);
      await streamExport(res, jsonPiecesWriter(pieces, pieces.item, request, JSON_TYPE), inPieces(body.clusters, pages.pieceRows));
    },
    boundingbox: async (req, res) => {
      const request = read(req, false);
      reply(res, request, await runBoundingBox(deps, routeAccess(req), request, clock()));
    },
    geopreview: async (req, res) => {
      const request = read(req, false);
      const { items, records, more } = await runGeopreview(deps, routeAccess(req), request, clock(), pages.pieceRows);
      if (!more) return reply(res, request, items);
      const pieces = jsonArrayPieces(request.prettyPrint);
      await sendInPieces(res, jsonPiecesWriter(pieces, pieces.item, request, JSON_TYPE), items, more, records, { maxBytes: pages.maxBytes, downloadPath: downloadBeside(req.path) });
    },
  };
}
