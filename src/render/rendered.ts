/** A response body ready to send: what every renderer returns. */
export interface Rendered {
  contentType: string;
  body: string;
  headers?: Record<string, string>;
}
