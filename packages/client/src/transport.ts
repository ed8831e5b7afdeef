import { PortalSearchError } from './portalSearchError';
import { fillPath, type Route } from './routes';

/** How to reach a portal-search server. */
export interface ClientOptions {
  /** The server's address, with any path prefix a proxy adds (`https://data.example.org/search`). */
  baseUrl: string;
  /** A key, sent as `Authorization: Apikey <key>`; the management API needs one with the write role. */
  apiKey?: string;
  /** Another fetch (a test double, or one with an agent); the global one by default. */
  fetch?: typeof fetch;
  /** Headers sent with every request. */
  headers?: Readonly<Record<string, string>>;
}

/** What one call may add: path values, parameters, a body, an abort signal. */
export interface CallOptions {
  path?: Readonly<Record<string, string | number>>;
  params?: URLSearchParams;
  body?: FormData;
  accept?: string;
  signal?: AbortSignal;
}

/**
 * The one place that makes requests: it builds the URL from a route, adds the key, and turns any
 * answer other than a 2xx into a PortalSearchError carrying the server's body.
 */
export class Transport {
  private readonly base: string;
  private readonly fetcher: typeof fetch;

  constructor(private readonly options: ClientOptions) {
    this.base = options.baseUrl.replace(/\/+$/, '');
    this.fetcher = options.fetch ?? ((input, init) => fetch(input, init));
  }

  /** The response of a route, once its status says success; its body is left unread. */
  async call(route: Route, call: CallOptions = {}): Promise<Response> {
    const query = call.params?.toString() ?? '';
    const url = `${this.base}${fillPath(route, call.path)}${query === '' ? '' : `?${query}`}`;
    const headers: Record<string, string> = { ...this.options.headers, Accept: call.accept ?? 'application/json' };
    if (this.options.apiKey !== undefined) headers.Authorization = `Apikey ${this.options.apiKey}`;
    const response = await this.fetcher(url, { method: route.method.toUpperCase(), headers, body: call.body, signal: call.signal });
    if (!response.ok) throw await PortalSearchError.from(response, `${route.method.toUpperCase()} ${url}`);
    return response;
  }

  /** A route's JSON answer, typed as the caller says the OpenAPI document describes it. */
  async json<T>(route: Route, call: CallOptions = {}): Promise<T> {
    const response = await this.call(route, call);
    return (await response.json()) as T;
  }
}
