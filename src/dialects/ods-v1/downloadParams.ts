import { z } from 'zod';
import { AppError } from '../../errors/catalogue';
import { outputShape, recordsFilter } from '../shared/commonParams';
import type { ParamReader } from '../shared/paramReader';
import { exportFormatNames, JSONP_SUFFIX } from '../../render/formats/registry';
import type { DownloadRequest } from '../../model/recordsRequest';

const FORMATS = exportFormatNames();

const scalars = z.object({
  rows: z.string().regex(/^\d{1,9}$/, 'must be a whole number ≥ 0').transform(Number).optional(),
  format: z.string().refine((f) => FORMATS.includes(f), `must be one of ${FORMATS.join(', ')}`).default('csv'),
  ...outputShape,
});

const list = (values: string[]): string[] => values.flatMap((v) => v.split(',')).map((s) => s.trim()).filter((s) => s !== '');

export function downloadParams(r: ParamReader): DownloadRequest {
  const s = r.scalars(scalars, Object.keys(scalars.shape));
  if (s.format.endsWith(JSONP_SUFFIX) && s.callback === undefined) {
    throw new AppError('bad_parameter', `Parameter callback is required with format=${s.format}.`, { parameter: 'callback' });
  }
  const fields = s.fields === undefined ? undefined : list([s.fields]);
  if (fields?.length === 0) throw new AppError('bad_parameter', 'Parameter fields names no field; leave it out to export every field.', { parameter: 'fields' });
  return {
    ...recordsFilter(r),
    sort: list(r.all('sort')),
    fields,
    rows: s.rows,
    output: {
      format: s.format, callback: s.callback, prettyPrint: s.pretty_print,
      csvSeparator: s.csv_separator, withBom: s.with_bom, useLabelsForHeader: s.use_labels_for_header,
    },
  };
}
