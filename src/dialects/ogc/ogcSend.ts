import type { Response } from 'express';
import { jsonText } from '../../text/jsonText';
import type { Body } from '../../render/rendered';
import { send } from '../shared/send';

/** Sends an OGC JSON document (GeoJSON for features), with `Content-Crs` when the geometries are in a named CRS. */
export function sendOgc(res: Response, body: unknown, type: string, contentCrs?: string): void {
  sendOgcText(res, jsonText(body, false), type, contentCrs);
}

/** Sends an OGC JSON document already written (its text, or its parts), as sendOgc does. */
export function sendOgcText(res: Response, body: Body, type: string, contentCrs?: string): void {
  send(res, { contentType: `${type}; charset=utf-8`, body, ...(contentCrs ? { headers: { 'Content-Crs': `<${contentCrs}>` } } : {}) });
}
