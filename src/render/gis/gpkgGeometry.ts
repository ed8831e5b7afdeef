import type { GeoJsonGeometry } from '../../geo/geoJsonGeometry';
import { geometryBounds, type Bounds } from '../../geo/geometryBounds';
import { encodeWkb } from '../../geo/wkbWriter';

/**
 * A GeoPackage geometry blob (GeoPackage 1.3 §2.1.3): `GP`, version 0, flags (little-endian,
 * envelope [minx, maxx, miny, maxy] except for a point, which needs none, and an empty geometry,
 * which has none and the empty flag), the srs id, then
 * the geometry as WKB. Returns the envelope too, for gpkg_contents.
 */
export function gpkgGeometry(g: GeoJsonGeometry, srsId: number): { blob: Buffer; bounds: Bounds | null } {
  const bounds = geometryBounds(g);
  const withEnvelope = g.type !== 'Point' && bounds !== null;
  const head = Buffer.alloc(8 + (withEnvelope ? 32 : 0));
  head.write('GP', 0, 'latin1');
  head.writeUInt8(0, 2);
  head.writeUInt8((bounds === null ? 1 << 4 : 0) | (withEnvelope ? 1 << 1 : 0) | 1, 3);
  head.writeInt32LE(srsId, 4);
  if (withEnvelope) {
    head.writeDoubleLE(bounds[0], 8);
    head.writeDoubleLE(bounds[2], 16);
    head.writeDoubleLE(bounds[1], 24);
    head.writeDoubleLE(bounds[3], 32);
  }
  return { blob: Buffer.concat([head, encodeWkb(g)]), bounds };
}
