import { jsonp } from './jsonp';
import type { Body, Rendered } from './rendered';
import { isJsonpFormat } from '../model/jsonpFormat';

export const JSON_TYPE = 'application/json; charset=utf-8';
export const GEOJSON_TYPE = 'application/geo+json; charset=utf-8';

/**
 * A JSON body as the request asked for it: wrapped as JSONP when its format is a JSONP one
 * (`jsonp`, `geojsonp`: the parameters made sure a callback came with it), else as JSON of
 * `contentType`. The one place that decides.
 */
export function jsonAnswer(json: string, output: { format: string; callback?: string }, contentType?: string): Rendered;
export function jsonAnswer(json: Body, output: { format: string; callback?: string }, contentType?: string): Rendered<Body>;
export function jsonAnswer(json: Body, output: { format: string; callback?: string }, contentType = JSON_TYPE): Rendered<Body> {
  return isJsonpFormat(output.format) && output.callback ? jsonp(output.callback, json) : { contentType, body: json };
}
