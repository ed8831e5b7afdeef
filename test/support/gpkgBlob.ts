import { readWkb, type WkbGeometry } from './wkbRead';

/** A GeoPackage geometry blob decoded (GeoPackage 1.3 §2.1.3.1.1 GeoPackageBinaryHeader, then WKB). */
export interface GpkgBlobRead {
  magic: string;
  version: number;
  littleEndian: boolean;
  /** The envelope contents indicator: 0 none, 1 [minx, maxx, miny, maxy], 2–4 with z and/or m. */
  envelopeKind: number;
  empty: boolean;
  extended: boolean;
  srsId: number;
  envelope: number[];
  geometry: WkbGeometry;
  /** Bytes left after the WKB (none when well formed). */
  trailing: number;
}

const ENVELOPE_DOUBLES = [0, 4, 6, 6, 8];

export function readGpkgBlob(b: Buffer): GpkgBlobRead {
  const flags = b[3];
  const littleEndian = (flags & 1) === 1;
  const envelopeKind = (flags >> 1) & 0b111;
  const n = ENVELOPE_DOUBLES[envelopeKind];
  const envelope = Array.from({ length: n }, (_, i) => (littleEndian ? b.readDoubleLE(8 + 8 * i) : b.readDoubleBE(8 + 8 * i)));
  const { geometry, end } = readWkb(b, 8 + 8 * n);
  return {
    magic: b.subarray(0, 2).toString('latin1'), version: b[2], littleEndian, envelopeKind,
    empty: (flags & 0b10000) !== 0, extended: (flags & 0b100000) !== 0,
    srsId: littleEndian ? b.readInt32LE(4) : b.readInt32BE(4), envelope, geometry, trailing: b.length - end,
  };
}
