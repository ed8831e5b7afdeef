/**
 * A response body: its whole text, or its text in parts sent one after the other. Each part is
 * encoded on its own, so a page joined from texts kept whole (the catalog's written dataset
 * objects, a page's records) is never copied into one string first, in two bytes a character for
 * all of it as soon as one part (often the facet values) holds a character beyond Latin-1.
 */
export type Body = string | readonly string[];

/** A response body ready to send: what every renderer returns, most of them as one text. */
export interface Rendered<B extends Body = string> {
  contentType: string;
  body: B;
  headers?: Record<string, string>;
}

/** The whole text of a body, its parts joined. */
export const bodyText = (body: Body): string => (typeof body === 'string' ? body : body.join(''));
