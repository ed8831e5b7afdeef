import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { extendBounds, type Bounds } from '../../geo/geometryBounds';
import type { GisType } from '../gis/gisLayout';
import { gpkgGeometry } from '../gis/gpkgGeometry';
import type { SpoolContext, SpooledFormat, SpoolWriter } from './spooledFormat';

/** GeoPackage column types of the attribute types. */
const SQL_TYPES: Record<GisType, string> = { text: 'TEXT', int: 'INTEGER', double: 'DOUBLE', date: 'DATE', datetime: 'DATETIME' };

const quote = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/** The first of `names` that no attribute takes, else the first name suffixed `_n` that none takes (n from the number of attributes on). */
function free(names: readonly string[], taken: ReadonlySet<string>): string {
  const usual = names.find((n) => !taken.has(n));
  if (usual !== undefined) return usual;
  let n = taken.size;
  while (taken.has(`${names[0]}_${n}`)) n++;
  return `${names[0]}_${n}`;
}

/** The feature table of a layer: its name, unless SQLite (sqlite_…) or the GeoPackage standard (gpkg_…) keeps such names for itself; then prefixed `layer_`. */
const tableOf = (layer: string): string => (/^(sqlite|gpkg)_/i.test(layer) ? `layer_${layer}` : layer);

/** The metadata tables of a GeoPackage 1.3, and the srs rows it requires (-1, 0) beside the one written. */
function createMetadata(db: Database.Database, ctx: SpoolContext): void {
  db.exec(`
    CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER NOT NULL PRIMARY KEY, organization TEXT NOT NULL,
      organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT);
    CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE,
      description TEXT DEFAULT '', last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
      min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER REFERENCES gpkg_spatial_ref_sys(srs_id));
    CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL,
      srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL, PRIMARY KEY (table_name, column_name),
      FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name), FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id));`);
  const srs = db.prepare('INSERT INTO gpkg_spatial_ref_sys VALUES (?, ?, ?, ?, ?, ?)');
  srs.run('Undefined cartesian SRS', -1, 'NONE', -1, 'undefined', 'undefined cartesian coordinate reference system');
  srs.run('Undefined geographic SRS', 0, 'NONE', 0, 'undefined', 'undefined geographic coordinate reference system');
  srs.run(ctx.crs.name, ctx.crs.epsg, 'EPSG', ctx.crs.epsg, ctx.crs.wkt, null);
}

/**
 * GeoPackage 1.3, written with better-sqlite3 into a temporary database: one feature table named
 * after the dataset (`tableOf`; `fid`, `geom`, then one column per attribute), each page inserted in one
 * transaction, the table, its extent and its geometry type written at the end. Records without geometry have a NULL one.
 * The contents' last change is the time of the export (the context's clock, not SQLite's).
 */
export const gpkgFormat: SpooledFormat = {
  contentType: 'application/geopackage+sqlite3',
  extension: 'gpkg',
  needsGeometry: false,
  open: (ctx) => {
    const path = join(ctx.dir, 'export.gpkg');
    const db = new Database(path);
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    db.pragma('application_id = 1196444487');
    db.pragma('user_version = 10300');
    createMetadata(db, ctx);
    const { layout } = ctx;
    const table = tableOf(layout.layer);
    const taken = new Set(layout.columns.map((c) => c.name));
    const fid = free(['fid', 'ogc_fid', 'gpkg_fid'], taken);
    const geom = free(['geom', 'geometry', 'the_geom'], taken);
    const columns = layout.columns.map((c) => `${quote(c.name)} ${SQL_TYPES[c.type]}`);
    const names = [geom, ...layout.columns.map((c) => c.name)].map(quote).join(', ');
    // The feature table declares its geometry column with the type every row shares (GeoPackage
    // 1.3, requirement 25: the type gpkg_geometry_columns names), known only once every row is
    // read: rows wait in a private temporary database, and are copied in order at the end.
    db.exec(`ATTACH DATABASE '' AS staging; PRAGMA staging.journal_mode = OFF; PRAGMA staging.synchronous = OFF; CREATE TABLE staging.features (${quote(geom)} BLOB${columns.map((c) => `, ${c}`).join('')})`);
    const insert = db.prepare(`INSERT INTO staging.features (${names}) VALUES (${['?', ...layout.columns.map(() => '?')].join(', ')})`);
    let bounds: Bounds | null = null;
    const types = new Set<string>();
    const writePage = db.transaction((records: Parameters<SpoolWriter['page']>[0]) => {
      for (const hit of records) {
        const g = layout.geometry(hit);
        let blob: Buffer | null = null;
        if (g) {
          const written = gpkgGeometry(g, ctx.crs.epsg);
          blob = written.blob;
          bounds = extendBounds(bounds, written.bounds);
          types.add(g.type);
        }
        insert.run(blob, ...layout.columns.map((c) => c.value(hit.fields) ?? null));
      }
    });
    const writer: SpoolWriter = {
      page: async (records) => { writePage(records); },
      finish: async () => {
        const type = types.size === 1 ? [...types][0].toUpperCase() : 'GEOMETRY';
        db.exec(`CREATE TABLE main.${quote(table)} (${quote(fid)} INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, ${quote(geom)} ${type}${columns.map((c) => `, ${c}`).join('')});
          INSERT INTO main.${quote(table)} (${names}) SELECT ${names} FROM staging.features ORDER BY rowid; DETACH DATABASE staging`);
        const b = bounds as Bounds | null;
        db.prepare('INSERT INTO gpkg_contents (table_name, data_type, identifier, last_change, min_x, min_y, max_x, max_y, srs_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
          .run(table, 'features', layout.layer, new Date(ctx.now).toISOString(), b?.[0] ?? null, b?.[1] ?? null, b?.[2] ?? null, b?.[3] ?? null, ctx.crs.epsg);
        db.prepare('INSERT INTO gpkg_geometry_columns VALUES (?, ?, ?, ?, 0, 0)').run(table, geom, type, ctx.crs.epsg);
        db.close();
        const { size } = await stat(path);
        return { length: size, open: () => createReadStream(path) };
      },
      close: async () => { if (db.open) db.close(); },
    };
    return Promise.resolve(writer);
  },
};
