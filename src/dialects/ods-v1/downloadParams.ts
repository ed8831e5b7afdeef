import { z } from 'zod';
import { AppError } from '../../errors/catalogue';
import { outputShape, recordsFilter } from '../shared/commonParams';
import type { ParamReader } from '../shared/paramReader';
import { exportFormatNames } from '../../render/formats/registry';
import type { DownloadRequest } from '../../model/recordsRequest';
import { commaList } from '../shared/commaList';
import { requireCallback } from '../shared/requireCallback';

const FORMATS = exportFormatNames();

const scalars = z.object({
  rows: z.string().regex(/^\d{1,9}$/, 'must be a whole number ≥ 0').transform(Number).optional(),
  format: z.string().refine((f) => FORMATS.includes(f), `must be one of ${FORMATS.join(', ')}`).default('csv'),
  ...outputShape,
});
/** The scalar parameters as they are validated: the OpenAPI document (src/http/openapi/) is generated from them. */
export const DOWNLOAD_SCALARS = scalars;

export function downloadParams(r: ParamReader): DownloadRequest {
  const s = r.scalars(scalars, Object.keys(scalars.shape));
  requireCallback(s.format, s.callback);
  const fields = s.fields === undefined ? undefined : commaList([s.fields]);
  if (fields?.length === 0) throw new AppError('bad_parameter', 'Parameter fields names no field; leave it out to export every field.', { parameter: 'fields' });
  return {
    ...recordsFilter(r),
    sort: commaList(r.all('sort')),
    fields,
    rows: s.rows,
    output: {
      format: s.format, callback: s.callback, prettyPrint: s.pretty_print,
      csvSeparator: s.csv_separator, withBom: s.with_bom, useLabelsForHeader: s.use_labels_for_header,
    },
  };
}
