import type { RecordHit } from '../../model/searchResult';
import type { GisLayout } from '../gis/gisLayout';

/** The CRS a GIS file is written in: its EPSG code and its WKT (GeoPackage srs, Shapefile .prj). */
export interface GisCrs { epsg: number; name: string; wkt: string; esriWkt: string }

/** What a GIS format needs to write records: the layout of features, the CRS of positions, a file name, the folder to spool into, and the time of the export. */
export interface SpoolContext { layout: GisLayout; crs: GisCrs; filename: string; dir: string; now: number }

/** A body ready to send: its length when known, and a fresh stream of its bytes. */
export interface SpooledBody { length?: number; open(): NodeJS.ReadableStream }

/** A file being written: each page of records appended, then finished into the body to send. */
export interface SpoolWriter {
  page(records: readonly RecordHit[]): Promise<void>;
  finish(): Promise<SpooledBody>;
  /** Releases open files (after finish, or when the export is given up); may be called more than once. */
  close(): Promise<void>;
}

/**
 * A binary output format written to temporary files before any byte is sent (GeoPackage,
 * zipped Shapefile, FlatGeobuf). Unlike a RecordFormat, which streams text head → pages → tail,
 * these files have headers that hold counts, extents and offsets only known once every record
 * is written (or, for GeoPackage, are a database): they are spooled to disk page by page, with
 * bounded memory, and sent only once whole, so that an error is still a JSON 4xx/5xx.
 */
export interface SpooledFormat {
  contentType: string;
  /** The file name's extension (`gpkg`, `shp.zip`, `fgb`). */
  extension: string;
  /** True when the format cannot hold a dataset without geometry (Shapefile). */
  needsGeometry: boolean;
  open(ctx: SpoolContext): Promise<SpoolWriter>;
}
