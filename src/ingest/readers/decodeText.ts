import { StringDecoder } from 'node:string_decoder';
import type { Readable } from 'node:stream';

/** Decodes a byte stream to text chunks; a UTF-8 BOM is dropped. */
export async function* decodeText(bytes: Readable, encoding: 'utf-8' | 'latin1'): AsyncGenerator<string> {
  const decoder = new StringDecoder(encoding === 'utf-8' ? 'utf8' : 'latin1');
  let first = true;
  for await (const chunk of bytes) {
    let text = decoder.write(chunk as Buffer);
    if (first && text.length > 0) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
    }
    if (text) yield text;
  }
  const rest = decoder.end();
  if (rest) yield rest;
}
