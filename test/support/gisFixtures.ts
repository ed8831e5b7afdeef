import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ogr2ogr } from './gdal';
import { FIXTURES, RawFeature } from './rawFixtures';

/**
 * GIS files made by GDAL from the raw fixtures, in the test setup (never committed): the French
 * départements and régions (GeoJSON, WGS 84) and the SNCF stations (a CSV with WGS 84 columns),
 * written reprojected as a GeoPackage, zipped Shapefiles and XLSX workbooks.
 */
export const DEPARTEMENTS = join(FIXTURES, 'geo', 'departements.geojson');
export const REGIONS = join(FIXTURES, 'geo', 'regions.geojson');
export const GARES_CSV = join(FIXTURES, 'data', 'liste-des-gares.csv');

/** The features of a raw GeoJSON fixture, parsed whole. */
export const rawFeaturesOf = (path: string): RawFeature[] => (JSON.parse(readFileSync(path, 'utf8')) as { features: RawFeature[] }).features;

/** The stations as points from their x_wgs84/y_wgs84 columns (every column stays a text attribute), declared WGS 84. */
const garesAsPoints = ['-oo', 'X_POSSIBLE_NAMES=x_wgs84', '-oo', 'Y_POSSIBLE_NAMES=y_wgs84', '-oo', 'KEEP_GEOM_COLUMNS=YES', '-s_srs', 'EPSG:4326'];

/** A GeoPackage: `departements` in Lambert-93, `regions` in Web Mercator, `gares` (points) in Lambert-93. */
export async function makeGeoPackage(dir: string): Promise<string> {
  const path = join(dir, 'france.gpkg');
  await ogr2ogr('-f', 'GPKG', '-t_srs', 'EPSG:2154', '-nln', 'departements', path, DEPARTEMENTS);
  await ogr2ogr('-f', 'GPKG', '-update', '-t_srs', 'EPSG:3857', '-nln', 'regions', path, REGIONS);
  await ogr2ogr('-f', 'GPKG', '-update', ...garesAsPoints, '-t_srs', 'EPSG:2154', '-nln', 'gares', path, GARES_CSV);
  return path;
}

/**
 * Zipped Shapefiles (GDAL writes `.shp.zip` itself): the départements in Lambert-93 with GDAL's
 * default .dbf encoding (ISO-8859-1, said by the LDID byte, no .cpg); the same zip with the
 * régions added in UTF-8 (a .cpg); and the stations in CC49 with UTF-8 text.
 */
export async function makeShapefileZips(dir: string): Promise<{ departements: string; two: string; gares: string }> {
  const departements = join(dir, 'departements.shp.zip');
  await ogr2ogr('-f', 'ESRI Shapefile', '-t_srs', 'EPSG:2154', departements, DEPARTEMENTS);
  const two = join(dir, 'two.shp.zip');
  await ogr2ogr('-f', 'ESRI Shapefile', '-t_srs', 'EPSG:2154', '-nln', 'departements', two, DEPARTEMENTS);
  await ogr2ogr('-f', 'ESRI Shapefile', '-update', '-t_srs', 'EPSG:2154', '-lco', 'ENCODING=UTF-8', '-nln', 'regions', two, REGIONS);
  const gares = join(dir, 'gares.shp.zip');
  await ogr2ogr('-f', 'ESRI Shapefile', ...garesAsPoints, '-t_srs', 'EPSG:3949', '-lco', 'ENCODING=UTF-8', '-nln', 'gares', gares, GARES_CSV);
  return { departements, two, gares };
}
