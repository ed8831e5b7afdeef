import { fromBuffer, type Entry, type ZipFile } from 'yauzl';

/** One entry of a zip: its bytes and its modification time as stored. */
export interface ZipEntry { bytes: Buffer; mtime: Date }

/** Every entry of a zip held in memory, by name, in the order of its central directory (read with yauzl). */
export function zipEntries(zip: Buffer): Promise<Map<string, ZipEntry>> {
  return new Promise((resolve, reject) => {
    fromBuffer(zip, { lazyEntries: true }, (err: Error | null, file: ZipFile) => {
      if (err) { reject(err); return; }
      const out = new Map<string, ZipEntry>();
      file.on('error', reject);
      file.on('end', () => resolve(out));
      file.on('entry', (entry: Entry) => {
        file.openReadStream(entry, (e, stream) => {
          if (e) { reject(e); return; }
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('error', reject);
          stream.on('end', () => { out.set(entry.fileName, { bytes: Buffer.concat(chunks), mtime: entry.getLastModDate() }); file.readEntry(); });
        });
      });
      file.readEntry();
    });
  });
}
