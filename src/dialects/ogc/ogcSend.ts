import type { Response } from 'express';
import { jsonText } from '../../text/jsonText';
import { send } from '../shared/send';

/** Sends an OGC JSON document (GeoJSON for features), with `Content-Crs` when the geometries are in a named CRS. */
export function sendOgc(res: Response, body: unknown, type: string, contentCrs?: string): void {
  send(res, { contentType: `${type}; charset=utf-8`, body: jsonText(body, false), ...(contentCrs ? { headers: { 'Content-Crs': `<${contentCrs}>` } } : {}) });
}
