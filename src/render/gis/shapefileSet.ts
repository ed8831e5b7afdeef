import { createReadStream } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { extendBounds, type Bounds } from '../../geo/geometryBounds';
import { dbfHeader, dbfRecord, DbfWidths } from './dbfTable';
import type { GisColumn, GisValue } from './gisLayout';
import { SHAPE_TYPES, type ShapeKind } from './shpShape';

/** The 100-byte header of a .shp or .shx: file code, length in 16-bit words, version, shape type, envelope. */
function shpHeader(bytes: number, type: number, b: Bounds | null): Buffer {
  const h = Buffer.alloc(100);
  h.writeInt32BE(9994, 0);
  h.writeInt32BE(bytes / 2, 24);
  h.writeInt32LE(1000, 28);
  h.writeInt32LE(type, 32);
  (b ?? [0, 0, 0, 0]).forEach((v, i) => h.writeDoubleLE(v, 36 + 8 * i));
  return h;
}

/** Records of the .dbf written per write, in its second pass. */
const DBF_BATCH = 1000;

/**
 * One Shapefile file set being spooled: the .shp and .shx written record by record after a
 * blank header, patched at the end with the length, type and envelope; the attribute values
 * spooled as JSON lines while their widths are learnt, then written as the .dbf (whose header
 * fixes every width) in a second pass over that spool.
 */
export class ShapefileSet {
  kind: ShapeKind | null;
  count = 0;
  private bounds: Bounds | null = null;
  private shpBytes = 100;
  private pending: { shp: Buffer[]; shx: Buffer[]; rows: string[] } = { shp: [], shx: [], rows: [] };
  private readonly widths: DbfWidths;
  private handles: FileHandle[] = [];

  private constructor(readonly path: string, kind: ShapeKind | null, columns: readonly GisColumn[], names: readonly string[]) {
    this.kind = kind;
    this.widths = new DbfWidths(columns, names);
  }

  static async open(dir: string, index: number, kind: ShapeKind | null, columns: readonly GisColumn[], names: readonly string[]): Promise<ShapefileSet> {
    const set = new ShapefileSet(join(dir, `set${index}`), kind, columns, names);
    for (const ext of ['shp', 'shx', 'rows']) {
      const h = await open(`${set.path}.${ext}`, 'w');
      set.handles.push(h);
      if (ext !== 'rows') await h.write(Buffer.alloc(100));
    }
    return set;
  }

  /** Adds a record: its shape content (a null shape's included), envelope and attribute values. */
  add(content: Buffer, bounds: Bounds | null, values: (GisValue | null)[]): void {
    this.count++;
    const head = Buffer.alloc(8);
    head.writeInt32BE(this.count, 0);
    head.writeInt32BE(content.length / 2, 4);
    const index = Buffer.alloc(8);
    index.writeInt32BE(this.shpBytes / 2, 0);
    index.writeInt32BE(content.length / 2, 4);
    this.pending.shp.push(head, content);
    this.pending.shx.push(index);
    this.shpBytes += 8 + content.length;
    this.bounds = extendBounds(this.bounds, bounds);
    this.widths.see(values);
    this.pending.rows.push(`${JSON.stringify(values)}\n`);
  }

  /** Writes what the records added since the last flush hold. */
  async flush(): Promise<void> {
    const [shp, shx, rows] = this.handles;
    const { pending } = this;
    this.pending = { shp: [], shx: [], rows: [] };
    await shp.write(Buffer.concat(pending.shp));
    await shx.write(Buffer.concat(pending.shx));
    await rows.write(pending.rows.join(''));
  }

  /** Patches the headers and writes the .dbf; the files are then `<path>.shp`, `.shx` and `.dbf`. */
  async finish(now: Date): Promise<void> {
    await this.flush();
    const [shp, shx] = this.handles;
    const type = this.kind === null ? 0 : SHAPE_TYPES[this.kind];
    await shp.write(shpHeader(this.shpBytes, type, this.bounds), 0, 100, 0);
    await shx.write(shpHeader(100 + 8 * this.count, type, this.bounds), 0, 100, 0);
    await this.close();
    const fields = this.widths.fields();
    const dbf = await open(`${this.path}.dbf`, 'w');
    this.handles.push(dbf);
    await dbf.write(dbfHeader(fields, this.count, now));
    let batch: Buffer[] = [];
    for await (const line of createInterface({ input: createReadStream(`${this.path}.rows`), crlfDelay: Infinity })) {
      batch.push(dbfRecord(fields, JSON.parse(line) as (GisValue | null)[]));
      if (batch.length === DBF_BATCH) { await dbf.write(Buffer.concat(batch)); batch = []; }
    }
    batch.push(Buffer.from([0x1a]));
    await dbf.write(Buffer.concat(batch));
    await this.close();
  }

  async close(): Promise<void> {
    const handles = this.handles;
    this.handles = [];
    await Promise.all(handles.map((h) => h.close()));
  }
}
