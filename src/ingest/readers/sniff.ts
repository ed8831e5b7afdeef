/** The text encodings a CSV is read in: UTF-16 only when its byte order mark says so. */
export type TextEncoding = 'utf-8' | 'latin1' | 'utf-16le' | 'utf-16be';

/** What the first bytes of a text file tell: BOM, encoding and (for CSV) the delimiter. */
export interface Sniffed {
  bom: boolean;
  encoding: TextEncoding;
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/**
 * UTF-16 when the file starts with its byte order mark (FF FE little-endian, FE FF big-endian:
 * what spreadsheets write as "Unicode text"); else valid UTF-8 (a sequence cut by the end of the
 * sample is allowed), else Latin-1.
 */
export function sniffEncoding(sample: Buffer): Sniffed {
  if (sample.length >= 2 && sample[0] === 0xff && sample[1] === 0xfe) return { bom: true, encoding: 'utf-16le' };
  if (sample.length >= 2 && sample[0] === 0xfe && sample[1] === 0xff) return { bom: true, encoding: 'utf-16be' };
  const bom = sample.length >= 3 && UTF8_BOM.every((b, i) => sample[i] === b);
  let end = sample.length;
  // Step back over a multi-byte sequence the sample cut in the middle.
  for (let i = 1; i <= 3 && end - i >= 0; i++) {
    const b = sample[end - i];
    if ((b & 0xc0) === 0x80) continue;
    if (b >= 0xc0) end -= i;
    break;
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample.subarray(0, end));
    return { bom, encoding: 'utf-8' };
  } catch {
    return { bom, encoding: 'latin1' };
  }
}

export type Delimiter = ';' | ',' | '\t';
const CANDIDATES: Delimiter[] = [';', ',', '\t'];

/**
 * The delimiter of a CSV from its header line: the candidate that occurs most often outside
 * quotes (ties prefer `;`, the ODS export default).
 */
export function sniffDelimiter(text: string): Delimiter {
  const counts = new Map<string, number>(CANDIDATES.map((c) => [c, 0]));
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best: Delimiter = ';';
  for (const c of CANDIDATES) if (counts.get(c)! > counts.get(best)!) best = c;
  return best;
}
