/**
 * A part of a body: a text, or bytes already encoded in UTF-8 (the catalog's written dataset
 * objects, which Elasticsearch hands over as base64 and which are sent as they are decoded).
 */
export type BodyPart = string | Uint8Array;

/**
 * A response body: its whole text, or its parts sent one after the other. Each text part is
 * encoded on its own, so a page joined from texts kept whole (a page's records) is never copied
 * into one string first, in two bytes a character for all of it as soon as one part (often the
 * facet values) holds a character beyond Latin-1.
 */
export type Body = string | readonly BodyPart[];

/** A response body ready to send: what every renderer returns, most of them as one text. */
export interface Rendered<B extends Body = string> {
  contentType: string;
  body: B;
  headers?: Record<string, string>;
}

/** A part's text (bytes decoded from UTF-8). */
export const partText = (part: BodyPart): string => (typeof part === 'string' ? part : Buffer.from(part.buffer, part.byteOffset, part.byteLength).toString('utf8'));

/** The whole text of a body, its parts joined. */
export const bodyText = (body: Body): string => (typeof body === 'string' ? body : body.map(partText).join(''));

/** A body's UTF-8 bytes, text parts encoded one by one and byte parts taken as they are. */
export const bodyBytes = (body: Body): Buffer =>
  (typeof body === 'string' ? Buffer.from(body, 'utf8') : Buffer.concat(body.map((part) => (typeof part === 'string' ? Buffer.from(part, 'utf8') : part))));
