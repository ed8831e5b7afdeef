import iconv from 'iconv-lite';
import type { Readable } from 'node:stream';

/**
 * Decodes a byte stream to text chunks; a UTF-8 BOM is dropped. Files that are not UTF-8 are read
 * as Windows-1252, the superset of Latin-1 that French spreadsheets write (œ, €, ’ in 0x80–0x9F).
 */
export async function* decodeText(bytes: Readable, encoding: 'utf-8' | 'latin1'): AsyncGenerator<string> {
  const decoder = iconv.getDecoder(encoding === 'utf-8' ? 'utf8' : 'win1252');
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
