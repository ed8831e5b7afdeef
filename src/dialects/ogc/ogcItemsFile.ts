import type { Response } from 'express';
import type { FieldDef } from '../../model/descriptor';
import type { RecordHit } from '../../model/searchResult';
import { RECORD_SPOOLED_FORMATS } from '../../render/formats/registry';
import { gisExport } from '../shared/gisExport';
import { sendSpooled } from '../shared/sendSpooled';
import type { OgcItemsFile } from './ogcParams';

/**
 * A page of items as a GIS file (`f=gpkg`, `shp`, `fgb`): the same file as the download API
 * writes, of this page's features only, written from its pieces as they are read.
 */
export async function sendItemsFile(res: Response, dataset: { id: string; schema: readonly FieldDef[] }, file: OgcItemsFile, pieces: AsyncGenerator<RecordHit[]>, now: number): Promise<void> {
  const format = RECORD_SPOOLED_FORMATS.get(file)!;
  const filename = dataset.id.replace(/[^\w@-]/g, '_');
  const ctx = gisExport(format, file, { datasetId: dataset.id, schema: dataset.schema, timeZone: 'UTC', columns: dataset.schema, filename, now }, 'f');
  await sendSpooled(res, format, ctx, pieces);
}
