import { ByteBuffer } from 'flatbuffers';

/**
 * A FlatGeobuf reader written from the format's spec (flatgeobuf.org, header.fbs and
 * feature.fbs, version 3): tables read field by field through flatbuffers' ByteBuffer, each
 * field found by its slot in the schema (vtable offset 4 + 2 × slot).
 */
export const FGB_FILE_MAGIC = [0x66, 0x67, 0x62, 0x03, 0x66, 0x67, 0x62, 0x00];

export interface FgbColumnRead { name: string | null; type: number; title: string | null }
export interface FgbCrsRead { org: string | null; code: number; name: string | null }
export interface FgbHeaderRead {
  name: string | null; envelope: number[] | null; geometryType: number; hasZ: boolean; hasM: boolean;
  columns: FgbColumnRead[]; featuresCount: bigint; indexNodeSize: number; crs: FgbCrsRead | null;
}
/** A Geometry table; a vector the table does not hold is null (an empty one is []). */
export interface FgbGeometryRead { type: number; xy: number[] | null; ends: number[] | null; hasZ: boolean; parts: FgbGeometryRead[] | null }
export interface FgbFeatureRead {
  geometry: FgbGeometryRead | null;
  /** The properties in the order they are written: column index, then the value its column type reads. */
  properties: Array<[number, number | bigint | string | boolean]>;
  /** Bytes of the properties vector the values did not use (none when well formed). */
  leftover: number;
}

const slot = (bb: ByteBuffer, table: number, i: number): number => bb.__offset(table, 4 + 2 * i);
const str = (bb: ByteBuffer, table: number, i: number): string | null => { const o = slot(bb, table, i); return o ? bb.__string(table + o) as string : null; };
const u8 = (bb: ByteBuffer, table: number, i: number, dflt: number): number => { const o = slot(bb, table, i); return o ? bb.readUint8(table + o) : dflt; };
function vector<T>(bb: ByteBuffer, table: number, i: number, size: number, read: (at: number) => T): T[] | null {
  const o = slot(bb, table, i);
  if (!o) return null;
  const start = bb.__vector(table + o);
  return Array.from({ length: bb.__vector_len(table + o) }, (_, k) => read(start + size * k));
}

/** The root table of a size-prefixed flatbuffer: its buffer and the table's position. */
function root(bytes: Uint8Array): { bb: ByteBuffer; table: number; size: number } {
  const bb = new ByteBuffer(bytes);
  const size = bb.readUint32(0);
  return { bb, table: 4 + bb.readUint32(4), size };
}

export function readFgbHeader(bytes: Uint8Array): FgbHeaderRead & { size: number } {
  const { bb, table, size } = root(bytes);
  const columns = vector(bb, table, 7, 4, (at) => {
    const c = bb.__indirect(at);
    return { name: str(bb, c, 0), type: u8(bb, c, 1, 0), title: str(bb, c, 2) };
  }) ?? [];
  const crsAt = slot(bb, table, 10);
  const crs = crsAt ? ((c: number): FgbCrsRead => ({ org: str(bb, c, 0), code: slot(bb, c, 1) ? bb.readInt32(c + slot(bb, c, 1)) : 0, name: str(bb, c, 2) }))(bb.__indirect(table + crsAt)) : null;
  const count = slot(bb, table, 8);
  const nodeSize = slot(bb, table, 9);
  return {
    size, name: str(bb, table, 0), envelope: vector(bb, table, 1, 8, (at) => bb.readFloat64(at)),
    geometryType: u8(bb, table, 2, 0), hasZ: u8(bb, table, 3, 0) === 1, hasM: u8(bb, table, 4, 0) === 1, columns,
    featuresCount: count ? bb.readUint64(table + count) : BigInt(0), indexNodeSize: nodeSize ? bb.readUint16(table + nodeSize) : 16, crs,
  };
}

function geometry(bb: ByteBuffer, g: number): FgbGeometryRead {
  return {
    ends: vector(bb, g, 0, 4, (at) => bb.readUint32(at)),
    xy: vector(bb, g, 1, 8, (at) => bb.readFloat64(at)),
    hasZ: slot(bb, g, 2) !== 0,
    type: u8(bb, g, 6, 0),
    parts: vector(bb, g, 7, 4, (at) => geometry(bb, bb.__indirect(at))),
  };
}

/** A property value by its column type (ColumnType: Byte 0 … Binary 14); returns the value and its byte length. */
function value(b: Buffer, at: number, type: number): [number | bigint | string | boolean, number] {
  switch (type) {
    case 0: return [b.readInt8(at), 1];
    case 1: return [b.readUInt8(at), 1];
    case 2: return [b[at] !== 0, 1];
    case 3: return [b.readInt16LE(at), 2];
    case 4: return [b.readUInt16LE(at), 2];
    case 5: return [b.readInt32LE(at), 4];
    case 6: return [b.readUInt32LE(at), 4];
    case 7: return [b.readBigInt64LE(at), 8];
    case 8: return [b.readBigUInt64LE(at), 8];
    case 9: return [b.readFloatLE(at), 4];
    case 10: return [b.readDoubleLE(at), 8];
    default: { const n = b.readUInt32LE(at); return [b.subarray(at + 4, at + 4 + n).toString('utf8'), 4 + n]; }
  }
}

export function readFgbFeature(bytes: Uint8Array, columns: readonly FgbColumnRead[]): FgbFeatureRead & { size: number } {
  const { bb, table, size } = root(bytes);
  const g = slot(bb, table, 0);
  const props = Buffer.from(vector(bb, table, 1, 1, (at) => bb.readUint8(at)) ?? []);
  const properties: FgbFeatureRead['properties'] = [];
  let at = 0;
  while (at + 2 <= props.length) {
    const i = props.readUInt16LE(at);
    const [v, n] = value(props, at + 2, columns[i].type);
    properties.push([i, v]);
    at += 2 + n;
  }
  return { size, geometry: g ? geometry(bb, bb.__indirect(table + g)) : null, properties, leftover: props.length - at };
}

/** A whole file: magic, header, then every feature (each size-prefixed) to the end. */
export function readFgb(file: Buffer): { magic: number[]; header: FgbHeaderRead; features: FgbFeatureRead[] } {
  const magic = [...file.subarray(0, 8)];
  const header = readFgbHeader(file.subarray(8));
  const features: FgbFeatureRead[] = [];
  for (let at = 8 + 4 + header.size; at < file.length;) {
    const f = readFgbFeature(file.subarray(at), header.columns);
    features.push(f);
    at += 4 + f.size;
  }
  return { magic, header, features };
}
