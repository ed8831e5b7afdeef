import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * One SQL query run by GDAL (Debian gdal-bin) with its SQLite dialect, over a vector file: the
 * SpatiaLite functions are there, e.g. `ST_Area(geometry, 1)` (geodesic area on the WGS84
 * ellipsoid) or `ST_Transform(geometry, 2154)` (PROJ). The rows are the properties of the
 * features ogr2ogr writes as GeoJSON; the test's independent oracle.
 */
export function ogrSql(file: string, sql: string): Array<Record<string, unknown>> {
  const out = execFileSync('ogr2ogr', ['-f', 'GeoJSON', '/vsistdout/', '-dialect', 'SQLite', '-sql', sql, file], { maxBuffer: 256 * 1024 * 1024 });
  const collection = JSON.parse(out.toString('utf8')) as { features: Array<{ properties: Record<string, unknown> }> };
  return collection.features.map((f) => f.properties);
}

/** The same over features written to a temporary GeoJSON file (layer name `features`), removed after. */
export function ogrSqlOver(features: ReadonlyArray<{ geometry: unknown; properties: Record<string, unknown> }>, sql: string): Array<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), 'ogr-sql-'));
  try {
    const file = join(dir, 'features.geojson');
    writeFileSync(file, JSON.stringify({ type: 'FeatureCollection', features: features.map((f) => ({ type: 'Feature', ...f })) }));
    return ogrSql(file, sql);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
