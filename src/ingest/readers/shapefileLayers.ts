import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Readable } from 'node:stream';
import { SourceUnreadable } from '../../errors/sourceUnreadable';
import type { ZipArchive } from './zipArchive';

/** One Shapefile: its .shp and the companion files that are there, each opened on demand. */
export interface ShapefileLayer {
  /** The .shp file's name without extension (its path in a zip when two share a name). */
  name: string;
  shp(): Promise<Readable>;
  dbf?: () => Promise<Readable>;
  prj?: () => Promise<string>;
  cpg?: () => Promise<string>;
}

const COMPANIONS = ['dbf', 'prj', 'cpg'] as const;

/** Files a zip tool adds that are not data: macOS resource forks. */
const isJunk = (name: string): boolean => name.startsWith('__MACOSX/') || basename(name).startsWith('._');

/**
 * The Shapefiles of a zip, in the zip's order: each .shp with the companions of the same path
 * (extensions compared without case). A zip without any .shp is SourceUnreadable, naming what it holds.
 */
export function shapefilesOfZip(zip: ZipArchive, zipName: string): ShapefileLayer[] {
  const byLowerName = new Map([...zip.entries.keys()].filter((n) => !isJunk(n)).map((n) => [n.toLowerCase(), n]));
  const shps = [...byLowerName.entries()].filter(([lower]) => lower.endsWith('.shp')).map(([, name]) => name);
  if (shps.length === 0) {
    const held = [...byLowerName.values()];
    throw new SourceUnreadable(`${zipName} holds no Shapefile (.shp): it has ${held.length === 0 ? 'no file' : held.slice(0, 20).join(', ')}`);
  }
  const bases = shps.map((s) => basename(s).slice(0, -4));
  return shps.map((shpName, i) => {
    const stem = shpName.slice(0, -4);
    const entry = (ext: string) => {
      const name = byLowerName.get(`${stem}.${ext}`.toLowerCase());
      return name === undefined ? undefined : zip.entries.get(name)!;
    };
    const layer: ShapefileLayer = {
      name: bases.filter((b) => b === bases[i]).length > 1 ? stem : bases[i],
      shp: () => zip.open(zip.entries.get(shpName)!),
    };
    for (const ext of COMPANIONS) {
      const e = entry(ext);
      if (!e) continue;
      if (ext === 'dbf') layer.dbf = () => zip.open(e);
      else layer[ext] = async () => (await zip.readAll(e)).toString('utf8');
    }
    return layer;
  });
}

/** A Shapefile on disk (`x.shp` beside `x.dbf`, `x.prj`, `x.cpg`, any case of extension). */
export function shapefileOfPath(path: string): ShapefileLayer {
  const stem = path.slice(0, -4);
  const companion = (ext: string): string | undefined =>
    [`${stem}.${ext}`, `${stem}.${ext.toUpperCase()}`].find((p) => existsSync(p));
  const layer: ShapefileLayer = { name: basename(stem), shp: async () => createReadStream(path) };
  const dbf = companion('dbf');
  if (dbf) layer.dbf = async () => createReadStream(dbf);
  const prj = companion('prj');
  if (prj) layer.prj = async () => readFileSync(prj, 'utf8');
  const cpg = companion('cpg');
  if (cpg) layer.cpg = async () => readFileSync(cpg, 'utf8');
  return layer;
}
