import type { Body, Rendered } from './rendered';

/** What opens and closes a JSONP body and how it is served: the parts a body written piece by piece puts around its JSON. */
export interface JsonpFrame { contentType: string; headers: Record<string, string>; head: string; tail: string }

/** JSONP's frame (SPEC §3): `/**\/` guards against content sniffing tricks, and the script may not be sniffed as anything else. */
export function jsonpFrame(callback: string): JsonpFrame {
  return { contentType: 'text/javascript; charset=utf-8', headers: { 'X-Content-Type-Options': 'nosniff' }, head: `/**/${callback}(`, tail: ');' };
}

/** A JSON body (whole or in parts) as JSONP; the callback was validated with the parameters. */
export function jsonp(callback: string, json: string): Rendered;
export function jsonp(callback: string, json: Body): Rendered<Body>;
export function jsonp(callback: string, json: Body): Rendered<Body> {
  const frame = jsonpFrame(callback);
  const body = typeof json === 'string' ? `${frame.head}${json}${frame.tail}` : [frame.head, ...json, frame.tail];
  return { contentType: frame.contentType, body, headers: frame.headers };
}
