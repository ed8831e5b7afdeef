import type { GeoJsonGeometry } from '../../geo/geoJsonGeometry';
import { decodeWkb } from '../../geo/wkb';

/** Envelope sizes by the header's envelope indicator (GeoPackage 1.3 §2.1.3.1.1): none, xy, xyz, xym, xyzm. */
const ENVELOPE_BYTES = [0, 32, 48, 48, 64];

/**
 * A GeoPackage geometry blob (a "GP" header, an optional envelope, then WKB) as GeoJSON in the
 * layer's own CRS; null for an empty geometry. Throws an Error saying what is wrong with a blob
 * that is not one.
 */
export function decodeGpkgGeometry(blob: Uint8Array): GeoJsonGeometry | null {
  if (blob.length < 8 || blob[0] !== 0x47 || blob[1] !== 0x50) throw new Error('not a GeoPackage geometry (no "GP" header)');
  const flags = blob[3];
  const envelope = (flags >> 1) & 0x07;
  if (envelope >= ENVELOPE_BYTES.length) throw new Error(`bad envelope indicator ${envelope} in a GeoPackage geometry header`);
  if (flags & 0x10) return null; // the empty geometry flag
  if (flags & 0x20) throw new Error('extended GeoPackage geometry types are not read');
  return decodeWkb(blob.subarray(8 + ENVELOPE_BYTES[envelope]));
}
