import type { GeoJsonGeometry } from '../../src/geo/geoJsonGeometry';
import type { RecordHit } from '../../src/model/searchResult';
import type { FieldValue } from '../../src/model/values';
import type { GisCrs, SpoolContext, SpooledFormat } from '../../src/render/formats/spooledFormat';
import type { GisColumn, GisLayout, GisType, GisValue } from '../../src/render/gis/gisLayout';
import { streamBytes } from './streamBytes';

/** A column reading its field's value as it is (a number or a text). */
export const plainColumn = (name: string, type: GisType, label = `${name} label`): GisColumn =>
  ({ name, label, type, value: (fields) => fields[name] as GisValue | undefined });

/** A layout over `columns` whose geometry is the record's `shape` field (none when absent). */
export const shapeLayout = (layer: string, columns: GisColumn[]): GisLayout =>
  ({ layer, columns, geometry: (hit) => (hit.fields.shape as GeoJsonGeometry | undefined) ?? null });

/** A record holding `fields` and, when given, the geometry `shape`. */
export const shapeHit = (id: string, fields: Record<string, FieldValue>, shape?: GeoJsonGeometry): RecordHit =>
  ({ datasetid: 'd', recordid: id, record_timestamp: '2026-01-01T00:00:00Z', fields: shape ? { ...fields, shape: shape as FieldValue } : fields });

/** A CRS that is not WGS 84, so that what is written is seen to come from the context. */
export const TEST_CRS: GisCrs = { epsg: 2154, name: 'RGF93 v1 / Lambert-93', wkt: 'PROJCS["test wkt"]', esriWkt: 'PROJCS["test esri wkt"]' };

/** Writes `pages` in `format`, finishes, reads the body whole and closes; the length the body announced beside its bytes. */
export async function spool(format: SpooledFormat, ctx: SpoolContext, pages: RecordHit[][]): Promise<{ bytes: Buffer; length: number | undefined }> {
  const writer = await format.open(ctx);
  try {
    for (const page of pages) await writer.page(page);
    const body = await writer.finish();
    return { bytes: await streamBytes(body.open()), length: body.length };
  } finally {
    await writer.close();
  }
}
