import type { Request } from 'express';
import { ParamReader } from '../params/paramReader';
import { readBody, readQueryString } from '../params/rawParams';

/** The parameters of a request: its raw query string, decoded strictly, then its form or JSON body. */
export function requestParams(req: Request): ParamReader {
  const url = req.originalUrl;
  const q = url.indexOf('?');
  const params = readQueryString(q < 0 ? '' : url.slice(q + 1));
  if (req.method === 'POST') readBody(req.body, params);
  return new ParamReader(params);
}
