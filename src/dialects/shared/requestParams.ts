import type { Request } from 'express';
import { ParamReader } from './paramReader';
import { readBody, readQueryString } from './rawParams';

/**
 * The parameters of a request: its raw query string, decoded strictly, then d4c's parameters
 * written after the last slash of the path (`/search/q=velo&rows=2`), then its form or JSON body
 * (where `jsonObjects` may be objects, and `jsonLists` arrays kept whole as their JSON text).
 */
export function requestParams(req: Request, jsonObjects?: ReadonlySet<string>, jsonLists?: ReadonlySet<string>): ParamReader {
  const url = req.originalUrl;
  const q = url.indexOf('?');
  const params = readQueryString(q < 0 ? '' : url.slice(q + 1));
  const path = q < 0 ? url : url.slice(0, q);
  const last = path.slice(path.lastIndexOf('/') + 1);
  if (last.includes('=')) readQueryString(last, params);
  if (req.method === 'POST') readBody(req.body, params, jsonObjects, jsonLists);
  return new ParamReader(params);
}
