import type { SourceFormat } from '../../model/descriptor';
import type { PositionUnit, ReaderItem } from '../rawRow';
import { CsvOptions, readCsv } from './csvReader';
import { readGeoPackage } from './gpkgReader';
import { readGeoJson, readJsonArray, readNdjson } from './jsonReaders';
import { GisOptions, readShapefile } from './shapefileReader';
import { readXlsx, XlsxOptions } from './xlsxReader';

export interface SourceSpec extends CsvOptions, XlsxOptions, GisOptions {
  path: string;
  format?: SourceFormat;
}

export interface Reader {
  format: SourceFormat;
  unit: PositionUnit;
  read(): AsyncGenerator<ReaderItem>;
}

/** The format from the descriptor, else from the file name (`.gz` looked through; a `.zip` is a zipped Shapefile). */
export function formatOf(spec: SourceSpec): SourceFormat {
  if (spec.format) return spec.format;
  const name = spec.path.toLowerCase().replace(/\.gz$/, '');
  if (name.endsWith('.geojson')) return 'geojson';
  if (name.endsWith('.ndjson') || name.endsWith('.jsonl')) return 'ndjson';
  if (name.endsWith('.json')) return 'json';
  if (name.endsWith('.xlsx')) return 'xlsx';
  if (name.endsWith('.gpkg')) return 'gpkg';
  if (name.endsWith('.zip') || name.endsWith('.shp')) return 'shp';
  return 'csv';
}

/** The registry of readers: one per source format. */
export function readerFor(spec: SourceSpec): Reader {
  const format = formatOf(spec);
  switch (format) {
    case 'csv': return { format, unit: 'line', read: () => readCsv(spec.path, spec) };
    case 'geojson': return { format, unit: 'item', read: () => readGeoJson(spec.path) };
    case 'json': return { format, unit: 'item', read: () => readJsonArray(spec.path) };
    case 'ndjson': return { format, unit: 'line', read: () => readNdjson(spec.path) };
    case 'xlsx': return { format, unit: 'line', read: () => readXlsx(spec.path, spec) };
    case 'gpkg': return { format, unit: 'item', read: () => readGeoPackage(spec.path, spec) };
    case 'shp': return { format, unit: 'item', read: () => readShapefile(spec.path, spec) };
  }
}
