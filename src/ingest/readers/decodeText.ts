import iconv from 'iconv-lite';
import type { Readable } from 'node:stream';
import type { TextEncoding } from './sniff';

/** iconv-lite's name of each encoding; Latin-1 is read as Windows-1252, its superset (œ, €, ’ in 0x80–0x9F) that French spreadsheets write. */
const DECODERS: Record<TextEncoding, string> = { 'utf-8': 'utf8', latin1: 'win1252', 'utf-16le': 'utf16le', 'utf-16be': 'utf16be' };

/** Decodes a byte stream to text chunks; a byte order mark is dropped. */
export async function* decodeText(bytes: Readable, encoding: TextEncoding): AsyncGenerator<string> {
  const decoder = iconv.getDecoder(DECODERS[encoding]);
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
