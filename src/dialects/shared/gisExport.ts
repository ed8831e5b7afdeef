import { AppError } from '../../errors/catalogue';
import type { FieldDef } from '../../model/descriptor';
import { isGeo } from '../../model/querySchema';
import type { SpoolContext, SpooledFormat } from '../../render/formats/spooledFormat';
import { gisLayout } from '../../render/gis/gisLayout';
import { WGS84_CRS } from '../../render/gis/wgs84Crs';

/** What an export in a GIS format is made of: the dataset, the columns shown, a file name, and the time of the export. */
export interface GisExportSource { datasetId: string; schema: readonly FieldDef[]; timeZone: string; columns: readonly FieldDef[]; filename: string; now: number }

/**
 * The spool context of an export in a GIS format; a format that cannot hold records without
 * geometry (Shapefile) asked of a dataset without a geographic field is a 400 before anything is read.
 */
export function gisExport(format: SpooledFormat, name: string, s: GisExportSource, parameter: string): Omit<SpoolContext, 'dir'> {
  if (format.needsGeometry && !s.schema.some((f) => isGeo(f.type))) {
    throw new AppError('bad_parameter', `${parameter}=${name} needs a dataset with geometries: ${s.datasetId.slice(0, 100)} has no geo_point_2d or geo_shape field (gpkg and fgb hold records without geometry).`, { parameter });
  }
  return {
    layout: gisLayout({ schema: s.schema, timeZone: s.timeZone, datasetId: s.datasetId }, s.columns, s.filename),
    crs: WGS84_CRS,
    filename: s.filename,
    now: s.now,
  };
}
