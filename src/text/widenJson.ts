const COMMA = 0x2c, COLON = 0x3a, QUOTE = 0x22, BACKSLASH = 0x5c, SPACE = 0x20;

/** Where the compact text is encoded and the widened one written: kept from one call to the next, grown as needed up to SCRATCH_KEPT bytes. */
let input: Buffer = Buffer.allocUnsafe(64 * 1024);
let scratch: Buffer = Buffer.allocUnsafe(64 * 1024);
const SCRATCH_KEPT = 4 * 1024 * 1024;

/** A kept buffer of at least `size` bytes: `kept` itself, or a new one (kept in its place when not too large). */
function atLeast(kept: Buffer, size: number, keep: (b: Buffer) => void): Buffer {
  if (size <= kept.length) return kept;
  const b = Buffer.allocUnsafe(size);
  if (size <= SCRATCH_KEPT) keep(b);
  return b;
}

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
  // Three bytes a UTF-16 unit at most: the whole text fits. More bytes than units: not ASCII.
  const bytes = atLeast(input, 3 * compact.length, (b) => { input = b; });
  const n = bytes.write(compact, 0, 'utf8');
  if (n !== compact.length) return widenedByPattern(compact);
  const out = atLeast(scratch, 2 * n, (b) => { scratch = b; });
  let o = 0, inString = false;
  for (let i = 0; i < n; i++) {
    const c = bytes[i];
    out[o++] = c;
    if (inString) {
      if (c === BACKSLASH) out[o++] = bytes[++i];
      else if (c === QUOTE) inString = false;
    } else if (c === COMMA || c === COLON) out[o++] = SPACE;
    else if (c === QUOTE) inString = true;
  }
  return out.toString('latin1', 0, o);
}
