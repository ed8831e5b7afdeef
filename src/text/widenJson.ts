const COMMA = 0x2c, COLON = 0x3a, QUOTE = 0x22, BACKSLASH = 0x5c, SPACE = 0x20;

/** Where the widened text is written: kept from one call to the next, grown as needed up to SCRATCH_KEPT bytes. */
let scratch = Buffer.allocUnsafe(64 * 1024);
const SCRATCH_KEPT = 4 * 1024 * 1024;

/** The slow and general way: every `,` and `:` outside a string followed by a space. */
const widenedByPattern = (compact: string): string =>
  compact.replace(/"(?:[^"\\]|\\.)*"|[,:]/g, (m) => (m.length === 1 ? `${m} ` : m));

/**
 * JSON.stringify's compact text with Python's separators (`", "` and `": "`), as jsonText writes
 * the same value: a space after every `,` and `:` that is not inside a string. A stored GeoJSON
 * text is widened this way byte by byte, several times faster than writing its coordinates
 * again. A text holding anything but ASCII (a name in a foreign member) takes the general way.
 */
export function widenJson(compact: string): string {
  const input = Buffer.from(compact, 'utf8');
  const n = input.length;
  if (n !== compact.length) return widenedByPattern(compact);
  const out = 2 * n <= scratch.length ? scratch : Buffer.allocUnsafe(2 * n);
  if (out !== scratch && out.length <= SCRATCH_KEPT) scratch = out;
  let o = 0, inString = false;
  for (let i = 0; i < n; i++) {
    const c = input[i];
    out[o++] = c;
    if (inString) {
      if (c === BACKSLASH) out[o++] = input[++i];
      else if (c === QUOTE) inString = false;
    } else if (c === COMMA || c === COLON) out[o++] = SPACE;
    else if (c === QUOTE) inString = true;
  }
  return out.toString('latin1', 0, o);
}
