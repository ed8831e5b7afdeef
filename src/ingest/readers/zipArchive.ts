import { basename } from 'node:path';
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { SourceUnreadable } from '../../errors/sourceUnreadable';

/** A zip file opened for reading its entries as streams, without extracting anything to disk. */
export interface ZipArchive {
  /** The file entries (folders left out), by their path in the zip. */
  entries: ReadonlyMap<string, yauzl.Entry>;
  open(entry: yauzl.Entry): Promise<Readable>;
  /** A small entry (a .prj, a .cpg) whole. */
  readAll(entry: yauzl.Entry): Promise<Buffer>;
  close(): void;
}

const unreadable = (path: string, err: unknown): SourceUnreadable =>
  new SourceUnreadable(`${basename(path)} is not a readable zip file (${err instanceof Error ? err.message : String(err)})`);

/** Opens a zip and lists its entries; a file that is not a zip, or a damaged one, is SourceUnreadable. */
export async function openZip(path: string): Promise<ZipArchive> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.openPromise(path, { lazyEntries: true, autoClose: false });
  } catch (err) {
    throw unreadable(path, err);
  }
  const entries = new Map<string, yauzl.Entry>();
  try {
    for await (const entry of zip.eachEntry()) if (!entry.fileName.endsWith('/')) entries.set(entry.fileName, entry);
  } catch (err) {
    zip.close();
    throw unreadable(path, err);
  }
  const open = async (entry: yauzl.Entry): Promise<Readable> => {
    try {
      return await zip.openReadStreamPromise(entry);
    } catch (err) {
      throw unreadable(path, err);
    }
  };
  return {
    entries,
    open,
    async readAll(entry) {
      const chunks: Buffer[] = [];
      try {
        for await (const chunk of await open(entry)) chunks.push(chunk as Buffer);
      } catch (err) {
        throw unreadable(path, err);
      }
      return Buffer.concat(chunks);
    },
    close: () => zip.close(),
  };
}
