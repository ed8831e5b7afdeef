import type { Response } from 'express';
import type { Rendered } from '../../render/rendered';

export function send(res: Response, r: Rendered): void {
  if (r.headers) res.set(r.headers);
  res.status(200).type(r.contentType).send(r.body);
}
