import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';

/** Saves the bytes of a GeoPackage as `name` in `dir` and opens that copy read-only with better-sqlite3. */
export function openGpkgBytes(bytes: Buffer, dir: string, name = 'received.gpkg'): Database.Database {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return new Database(path, { readonly: true, fileMustExist: true });
}
