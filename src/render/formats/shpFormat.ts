import type { Readable } from 'node:stream';
import { ZipFile } from 'yazl';
import { dbfFieldNames } from '../gis/dbfFieldNames';
import type { GisColumn } from '../gis/gisLayout';
import { ShapefileSet } from '../gis/shapefileSet';
import { NULL_SHAPE, shapeContent, shapeKind, type ShapeKind } from '../gis/shpShape';
import { csvLine } from '../csvText';
import type { SpoolContext, SpooledFormat, SpoolWriter } from './spooledFormat';

/** The field-name mapping shipped in the zip: one line per attribute, its .dbf name, field name, label and type. */
function fieldsCsv(columns: readonly GisColumn[], names: readonly string[]): string {
  return csvLine(['dbf_name', 'field', 'label', 'type'], ',') + columns.map((c, i) => csvLine([names[i], c.name, c.label, c.type], ',')).join('');
}

/**
 * The zip of the finished file sets, built as it is read (so each call gives the whole zip); a
 * file it cannot read fails the stream (yazl reports it on the ZipFile, not on its output).
 */
function zipStream(sets: readonly ShapefileSet[], ctx: SpoolContext, names: readonly string[], now: Date): NodeJS.ReadableStream {
  const zip = new ZipFile();
  // yazl's outputStream is a PassThrough (typed as a bare ReadableStream).
  zip.on('error', (err: Error) => { (zip.outputStream as Readable).destroy(err); });
  for (const set of sets) {
    const base = sets.length === 1 ? ctx.filename : `${ctx.filename}_${set.kind ?? 'null'}`;
    for (const ext of ['shp', 'shx', 'dbf']) zip.addFile(`${set.path}.${ext}`, `${base}.${ext}`, { mtime: now });
    zip.addBuffer(Buffer.from(ctx.crs.esriWkt), `${base}.prj`, { mtime: now });
    zip.addBuffer(Buffer.from('UTF-8'), `${base}.cpg`, { mtime: now });
  }
  zip.addBuffer(Buffer.from(fieldsCsv(ctx.layout.columns, names)), `${ctx.filename}_fields.csv`, { mtime: now });
  zip.end();
  return zip.outputStream;
}

/**
 * The records as file sets of one shape type each: the first set (the "main" one) takes the
 * records without geometry (null shapes) and the first type seen; every other type a dataset's
 * geometries take gets a set of its own.
 */
class FileSets {
  readonly all: ShapefileSet[] = [];
  private readonly byKind = new Map<ShapeKind, ShapefileSet>();
  constructor(private readonly ctx: SpoolContext, private readonly names: readonly string[]) {}

  async of(kind: ShapeKind | null): Promise<ShapefileSet> {
    const known = kind === null ? this.all[0] : this.byKind.get(kind);
    if (known) return known;
    const main = this.all[0];
    if (kind !== null && main && main.kind === null) {
      main.kind = kind;
      this.byKind.set(kind, main);
      return main;
    }
    const set = await ShapefileSet.open(this.ctx.dir, this.all.length, kind, this.ctx.layout.columns, this.names);
    this.all.push(set);
    if (kind !== null) this.byKind.set(kind, set);
    return set;
  }
}

/**
 * A zipped ESRI Shapefile: per shape type, `.shp`, `.shx`, `.dbf` (UTF-8, said by the `.cpg`)
 * and `.prj`, named after the dataset (`<name>_<type>` when the geometries take several types),
 * and `<name>_fields.csv`, the mapping of field names to the 10-character .dbf names. Written
 * by hand rather than with @mapbox/shp-write, which builds every file in memory.
 */
export const shpFormat: SpooledFormat = {
  contentType: 'application/zip',
  extension: 'shp.zip',
  needsGeometry: true,
  open: async (ctx) => {
    const { layout } = ctx;
    const names = dbfFieldNames(layout.columns.map((c) => c.name));
    const sets = new FileSets(ctx, names);
    await sets.of(null);
    const writer: SpoolWriter = {
      page: async (records) => {
        const touched = new Set<ShapefileSet>();
        for (const hit of records) {
          const g = layout.geometry(hit);
          const kind = g ? shapeKind(g) : null;
          const shape = g && kind ? shapeContent(g, kind) : null;
          const set = await sets.of(shape?.bounds ? kind : null);
          set.add(shape?.bounds ? shape.content : NULL_SHAPE, shape?.bounds ?? null, layout.columns.map((c) => c.value(hit.fields) ?? null));
          touched.add(set);
        }
        for (const set of touched) await set.flush();
      },
      finish: async () => {
        const now = new Date(ctx.now);
        for (const set of sets.all) await set.finish(now);
        return { open: () => zipStream(sets.all, ctx, names, now) };
      },
      close: async () => { for (const set of sets.all) await set.close(); },
    };
    return writer;
  },
};
