import type { Rendered } from './rendered';

/** JSONP (SPEC §3): `/**\/` guards against content sniffing tricks; the callback was validated with the parameters. */
export function jsonp(callback: string, json: string): Rendered {
  return {
    contentType: 'text/javascript; charset=utf-8',
    body: `/**/${callback}(${json});`,
    headers: { 'X-Content-Type-Options': 'nosniff' },
  };
}
