import Database from 'better-sqlite3';
import { basename } from 'node:path';
import { SourceUnreadable } from '../../errors/sourceUnreadable';
import { Crs, crsOfEpsg, crsOfWkt, resolveCrs } from '../../geo/crs';
import { reprojectGeometry } from '../../geo/reprojectGeometry';
import { emptyValues, type ReaderItem } from '../rawRow';
import { decodeGpkgGeometry } from './gpkgGeometry';
import { pickLayers, PositionCounter, withLayer } from './pickLayers';
import type { GisOptions } from './shapefileReader';

/** A table of gpkg_contents, with its geometry column and the CRS read from gpkg_spatial_ref_sys. */
interface GpkgLayer {
  name: string;
  geometryColumn?: string;
  srsId?: number;
}

interface SrsRow { organization: string | null; organization_coordsys_id: number | null; definition: string | null; srs_name: string | null }

function layersOf(db: Database.Database, fileName: string): GpkgLayer[] {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('gpkg_contents', 'gpkg_geometry_columns')").all() as Array<{ name: string }>;
  if (!tables.some((t) => t.name === 'gpkg_contents')) throw new SourceUnreadable(`${fileName} is an SQLite database but not a GeoPackage (it has no gpkg_contents table)`);
  const hasGeometryColumns = tables.some((t) => t.name === 'gpkg_geometry_columns');
  const sql = hasGeometryColumns
    ? `SELECT c.table_name AS name, g.column_name AS geometryColumn, COALESCE(g.srs_id, c.srs_id) AS srsId
       FROM gpkg_contents c LEFT JOIN gpkg_geometry_columns g ON g.table_name = c.table_name
       WHERE c.data_type IN ('features', 'attributes') ORDER BY c.rowid`
    : "SELECT table_name AS name, NULL AS geometryColumn, NULL AS srsId FROM gpkg_contents WHERE data_type = 'attributes' ORDER BY rowid";
  const rows = db.prepare(sql).all() as Array<{ name: string; geometryColumn: string | null; srsId: number | null }>;
  return rows.map((r) => ({ name: r.name, geometryColumn: r.geometryColumn ?? undefined, srsId: r.geometryColumn ? r.srsId ?? undefined : undefined }));
}

/**
 * The CRS of a layer: `given` when the descriptor names one; else its gpkg_spatial_ref_sys row,
 * by EPSG code (organization "EPSG", any case), else by its WKT definition. The undefined
 * systems of the standard (-1 Cartesian, 0 geographic) need `crs`.
 */
function crsOf(db: Database.Database, layer: GpkgLayer, given: string | undefined, fileName: string): Crs {
  if (given !== undefined) return resolveCrs(given);
  const srs = layer.srsId === undefined ? undefined
    : db.prepare('SELECT srs_name, organization, organization_coordsys_id, definition FROM gpkg_spatial_ref_sys WHERE srs_id = ?').get(layer.srsId) as SrsRow | undefined;
  if (!srs || layer.srsId === -1 || layer.srsId === 0) {
    throw new SourceUnreadable(`${fileName}: layer "${layer.name}" has ${srs ? 'an undefined' : 'no'} coordinate system (srs_id ${layer.srsId ?? 'none'}); give it as source.crs (for example "EPSG:2154")`);
  }
  if (srs.organization?.toUpperCase() === 'EPSG' && srs.organization_coordsys_id !== null) {
    try {
      return crsOfEpsg(srs.organization_coordsys_id);
    } catch (err) {
      if (!srs.definition || srs.definition === 'undefined') throw err;
    }
  }
  if (!srs.definition || srs.definition === 'undefined') {
    throw new SourceUnreadable(`${fileName}: layer "${layer.name}" has the coordinate system "${srs.srs_name ?? layer.srsId}" without a definition; give it as source.crs`);
  }
  return crsOfWkt(srs.definition);
}

const quote = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/** The table's single INTEGER PRIMARY KEY: the feature id, which GDAL does not read as a value. */
function fidColumnOf(db: Database.Database, table: string): string | undefined {
  const columns = db.prepare(`PRAGMA table_info(${quote(table)})`).all() as Array<{ name: string; type: string; pk: number }>;
  const keys = columns.filter((c) => c.pk > 0);
  return keys.length === 1 && keys[0].type.toUpperCase() === 'INTEGER' ? keys[0].name : undefined;
}

/** SQLite values as the pipeline reads them: BLOBs (other than the geometry) as base64 text. */
function valueOf(v: unknown): unknown {
  return Buffer.isBuffer(v) ? v.toString('base64') : v;
}

function open(path: string, fileName: string): Database.Database {
  let db: Database.Database;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    db.pragma('schema_version');
  } catch (err) {
    throw new SourceUnreadable(`${fileName} is not a GeoPackage (${(err as Error).message})`);
  }
  return db;
}

/**
 * Reads a GeoPackage (opened read-only): the table `layer` names, or every feature and attribute
 * table of gpkg_contents one after the other, each row then carrying its table's name as
 * `layer`. The integer primary key is the feature id, not a value (as GDAL reads it);
 * geometries are decoded from the GeoPackage blobs and reprojected from the layer's CRS (or
 * `crs`) to WGS 84. Positions number the features from 1 across the whole read.
 *
 * Everything that concerns the whole file (not a GeoPackage, a layer it does not have, a CRS
 * that cannot be resolved) is a SourceUnreadable thrown before the first row.
 */
export async function* readGeoPackage(path: string, options: GisOptions = {}): AsyncGenerator<ReaderItem> {
  const fileName = basename(path);
  const db = open(path, fileName);
  try {
    const layers = pickLayers(layersOf(db, fileName), options.layer, fileName);
    if (layers.length === 0) throw new SourceUnreadable(`${fileName} has no feature or attribute table in gpkg_contents`);
    const crss = layers.map((l) => (l.geometryColumn ? crsOf(db, l, options.crs, fileName) : undefined));
    const positions = new PositionCounter();
    for (const [i, layer] of layers.entries()) {
      const fidColumn = fidColumnOf(db, layer.name);
      const order = fidColumn ? ` ORDER BY ${quote(fidColumn)}` : '';
      const layerName = layers.length > 1 ? layer.name : undefined;
      for (const record of db.prepare(`SELECT * FROM ${quote(layer.name)}${order}`).iterate() as IterableIterator<Record<string, unknown>>) {
        const position = positions.next();
        const values = emptyValues();
        for (const [key, v] of Object.entries(record)) if (key !== fidColumn && key !== layer.geometryColumn) values[key] = valueOf(v);
        const blob = layer.geometryColumn ? record[layer.geometryColumn] : undefined;
        let geometry: unknown;
        if (blob instanceof Uint8Array) {
          try {
            const g = decodeGpkgGeometry(blob);
            geometry = g ? reprojectGeometry(g, crss[i]!.toWgs84) : undefined;
          } catch (err) {
            yield { kind: 'problem', problem: { position, message: `unreadable geometry in layer "${layer.name}": ${(err as Error).message}` } };
          }
        }
        yield { kind: 'row', row: { position, values: withLayer(values, layerName, fileName), geometry } };
      }
    }
  } catch (err) {
    // SQLite's own errors (a table gpkg_contents names but the file lacks, a damaged page) concern the file.
    if (err instanceof SourceUnreadable) throw err;
    throw new SourceUnreadable(`${fileName} is not a readable GeoPackage (${(err as Error).message})`);
  } finally {
    db.close();
  }
}
