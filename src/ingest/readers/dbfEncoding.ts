/**
 * The text encoding of a Shapefile's .dbf, found as GDAL finds it: the .cpg file when there is
 * one, else the language driver id (LDID, byte 29 of the .dbf header), else ISO-8859-1. Names are
 * WHATWG labels for TextDecoder (where "latin1" means windows-1252, a superset of ISO-8859-1 for
 * printable text).
 */
const CPG: ReadonlyArray<[RegExp, string]> = [
  [/^(utf-?8|65001)$/i, 'utf-8'],
  [/^(ansi\s*)?(cp|windows-?)?1252$/i, 'windows-1252'],
  [/^(iso-?8859-?1|8859_?1|88591|latin-?1)$/i, 'latin1'],
  [/^(ansi\s*)?(cp|windows-?)?125([01345678])$/i, 'windows-125$3'],
  [/^(iso-?8859-?|8859_?|8859)(\d{1,2})$/i, 'iso-8859-$2'],
];

/** The encoding a .cpg file names, if this server can decode it. */
export function encodingOfCpg(text: string): string | undefined {
  const label = text.trim();
  for (const [pattern, encoding] of CPG) {
    if (pattern.test(label)) return label.replace(pattern, encoding).toLowerCase();
  }
  try {
    return new TextDecoder(label).encoding;
  } catch {
    return undefined;
  }
}

/** Language driver ids GDAL maps to an encoding TextDecoder knows (0 says nothing). */
const LDID: ReadonlyMap<number, string> = new Map([
  [0x03, 'windows-1252'], [0x57, 'latin1'], [0x58, 'windows-1252'], [0x59, 'windows-1252'],
  [0xc8, 'windows-1250'], [0xc9, 'windows-1251'], [0xca, 'windows-1254'], [0xcb, 'windows-1253'],
  [0x4d, 'gbk'], [0x7a, 'gbk'], [0x4e, 'euc-kr'], [0x4f, 'big5'], [0x13, 'shift_jis'], [0x7b, 'shift_jis'],
]);

/** The encoding of a .dbf from its header's LDID byte, if it names one. */
export function encodingOfLdid(header: Uint8Array): string | undefined {
  return header.length > 29 ? LDID.get(header[29]) : undefined;
}

/** GDAL's default when neither a .cpg nor the LDID says. */
export const DEFAULT_DBF_ENCODING = 'latin1';
