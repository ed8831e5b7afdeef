import { Builder, type Offset } from 'flatbuffers';
import type { GeoJsonGeometry, Position } from '../../geo/geoJsonGeometry';
import type { Bounds } from '../../geo/geometryBounds';
import type { GisColumn, GisType, GisValue } from './gisLayout';

/**
 * The FlatGeobuf tables (flatgeobuf's header.fbs and feature.fbs, version 3), built with the
 * flatbuffers library: field slots and enum values as the schema numbers them.
 */
const GEOMETRY_TYPES: Record<GeoJsonGeometry['type'], number> = {
  Point: 1, LineString: 2, Polygon: 3, MultiPoint: 4, MultiLineString: 5, MultiPolygon: 6, GeometryCollection: 7,
};
/** ColumnType: Long (int64), Double, String, DateTime. */
const COLUMN_TYPES: Record<GisType, number> = { int: 7, double: 10, text: 11, date: 13, datetime: 13 };

/** The 8 bytes a FlatGeobuf file starts with: `fgb`, version 3, `fgb`, 0. */
export const FGB_MAGIC = Buffer.from([0x66, 0x67, 0x62, 0x03, 0x66, 0x67, 0x62, 0x00]);

function doubles(b: Builder, values: readonly number[]): Offset {
  b.startVector(8, values.length, 8);
  for (let i = values.length - 1; i >= 0; i--) b.addFloat64(values[i]);
  return b.endVector();
}

function uints(b: Builder, values: readonly number[]): Offset {
  b.startVector(4, values.length, 4);
  for (let i = values.length - 1; i >= 0; i--) b.addInt32(values[i]);
  return b.endVector();
}

function offsets(b: Builder, values: readonly Offset[]): Offset {
  b.startVector(4, values.length, 4);
  for (let i = values.length - 1; i >= 0; i--) b.addOffset(values[i]);
  return b.endVector();
}

/** Positions flattened x, y, and the end (in positions) of each part after the first. */
function flat(parts: readonly (readonly Position[])[]): { xy: number[]; ends: number[] } {
  const xy: number[] = [];
  const ends: number[] = [];
  for (const part of parts) {
    for (const p of part) xy.push(p[0], p[1]);
    ends.push(xy.length / 2);
  }
  return { xy, ends: parts.length > 1 ? ends : [] };
}

/** A Geometry table: `ends` (0), `xy` (1), `type` (6), `parts` (7) for multipolygons and collections. */
function geometry(b: Builder, g: GeoJsonGeometry): Offset {
  let parts: Offset | undefined;
  let coords: { xy: number[]; ends: number[] } | undefined;
  switch (g.type) {
    case 'Point': coords = flat([[g.coordinates]]); break;
    case 'MultiPoint': case 'LineString': coords = flat([g.coordinates]); break;
    case 'MultiLineString': case 'Polygon': coords = flat(g.coordinates); break;
    case 'MultiPolygon': parts = offsets(b, g.coordinates.map((p) => geometry(b, { type: 'Polygon', coordinates: p }))); break;
    case 'GeometryCollection': parts = offsets(b, g.geometries.map((m) => geometry(b, m))); break;
  }
  const ends = coords && coords.ends.length > 0 ? uints(b, coords.ends) : undefined;
  const xy = coords ? doubles(b, coords.xy) : undefined;
  b.startObject(8);
  if (ends !== undefined) b.addFieldOffset(0, ends, 0);
  if (xy !== undefined) b.addFieldOffset(1, xy, 0);
  b.addFieldInt8(6, GEOMETRY_TYPES[g.type], 0);
  if (parts !== undefined) b.addFieldOffset(7, parts, 0);
  return b.endObject();
}

/** The properties buffer of a feature: per value present, its column index (uint16) then the value (int64, double, or length-prefixed UTF-8). */
function properties(columns: readonly GisColumn[], values: readonly (GisValue | undefined)[]): Buffer {
  const pieces: Buffer[] = [];
  values.forEach((v, i) => {
    if (v === undefined) return;
    const index = Buffer.alloc(2);
    index.writeUInt16LE(i, 0);
    pieces.push(index);
    const type = columns[i].type;
    if (type === 'int') { const b = Buffer.alloc(8); b.writeBigInt64LE(BigInt(Math.trunc(v as number)), 0); pieces.push(b); } else if (type === 'double') { const b = Buffer.alloc(8); b.writeDoubleLE(v as number, 0); pieces.push(b); } else {
      const text = Buffer.from(String(v), 'utf8');
      const length = Buffer.alloc(4);
      length.writeUInt32LE(text.length, 0);
      pieces.push(length, text);
    }
  });
  return Buffer.concat(pieces);
}

/** One feature, size-prefixed: its geometry (absent when null) and its properties. */
export function fgbFeature(g: GeoJsonGeometry | null, columns: readonly GisColumn[], values: readonly (GisValue | undefined)[]): Uint8Array {
  const b = new Builder(256);
  const geom = g ? geometry(b, g) : undefined;
  const props = b.createByteVector(properties(columns, values));
  b.startObject(3);
  if (geom !== undefined) b.addFieldOffset(0, geom, 0);
  b.addFieldOffset(1, props, 0);
  b.finishSizePrefixed(b.endObject());
  return b.asUint8Array();
}

/** What the header says of the whole file, known once every feature is written. */
export interface FgbSummary { layer: string; columns: readonly GisColumn[]; geometryType: GeoJsonGeometry['type'] | null; count: number; bounds: Bounds | null; epsg: number; crsName: string }

/** The header, size-prefixed: name, envelope, geometry type (Unknown when mixed), columns, feature count, no spatial index (index_node_size 0), CRS. */
export function fgbHeader(s: FgbSummary): Uint8Array {
  const b = new Builder(1024);
  const name = b.createString(s.layer);
  const envelope = s.bounds ? doubles(b, s.bounds) : undefined;
  const columns = offsets(b, s.columns.map((c) => {
    const columnName = b.createString(c.name);
    const title = b.createString(c.label);
    b.startObject(11);
    b.addFieldOffset(0, columnName, 0);
    b.addFieldInt8(1, COLUMN_TYPES[c.type], 0);
    b.addFieldOffset(2, title, 0);
    return b.endObject();
  }));
  const org = b.createString('EPSG');
  const crsName = b.createString(s.crsName);
  b.startObject(6);
  b.addFieldOffset(0, org, 0);
  b.addFieldInt32(1, s.epsg, 0);
  b.addFieldOffset(2, crsName, 0);
  const crs = b.endObject();
  b.startObject(14);
  b.addFieldOffset(0, name, 0);
  if (envelope !== undefined) b.addFieldOffset(1, envelope, 0);
  b.addFieldInt8(2, s.geometryType ? GEOMETRY_TYPES[s.geometryType] : 0, 0);
  b.addFieldOffset(7, columns, 0);
  b.addFieldInt64(8, BigInt(s.count), BigInt(0));
  b.addFieldInt16(9, 0, 16);
  b.addFieldOffset(10, crs, 0);
  b.finishSizePrefixed(b.endObject());
  return b.asUint8Array();
}
