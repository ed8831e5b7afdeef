/** The 100-byte header of a .shp or .shx (ESRI Shapefile Technical Description, 1998). */
export interface ShpHeaderRead { fileCode: number; lengthBytes: number; version: number; shapeType: number; box: [number, number, number, number]; unused: Buffer }

export function readShpHeader(b: Buffer): ShpHeaderRead {
  return {
    fileCode: b.readInt32BE(0),
    lengthBytes: b.readInt32BE(24) * 2,
    version: b.readInt32LE(28),
    shapeType: b.readInt32LE(32),
    box: [b.readDoubleLE(36), b.readDoubleLE(44), b.readDoubleLE(52), b.readDoubleLE(60)],
    unused: b.subarray(4, 24),
  };
}

/** The records of a .shx: each one's offset and content length, in bytes. */
export function readShx(b: Buffer): Array<{ offset: number; length: number }> {
  const out: Array<{ offset: number; length: number }> = [];
  for (let at = 100; at + 8 <= b.length; at += 8) out.push({ offset: b.readInt32BE(at) * 2, length: b.readInt32BE(at + 4) * 2 });
  return out;
}

/** The record headers of a .shp walked in order: each one's number, content length and shape type. */
export function readShpRecords(b: Buffer): Array<{ offset: number; number: number; length: number; shapeType: number }> {
  const out: Array<{ offset: number; number: number; length: number; shapeType: number }> = [];
  for (let at = 100; at + 8 <= b.length;) {
    const length = b.readInt32BE(at + 4) * 2;
    out.push({ offset: at, number: b.readInt32BE(at), length, shapeType: b.readInt32LE(at + 8) });
    at += 8 + length;
  }
  return out;
}
