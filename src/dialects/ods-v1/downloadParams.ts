import { z } from 'zod';
import { outputShape, recordsFilter } from '../shared/commonParams';
import type { ParamReader } from '../shared/paramReader';
import { exportFormatNames } from '../../render/formats/registry';
import type { DownloadRequest } from '../../model/recordsRequest';
import { requireCallback } from '../shared/requireCallback';

const FORMATS = exportFormatNames();

const scalars = z.object({
  rows: z.string().regex(/^\d{1,9}$/, 'must be a whole number ≥ 0').transform(Number).optional(),
  format: z.string().refine((f) => FORMATS.includes(f), `must be one of ${FORMATS.join(', ')}`).default('csv'),
  ...outputShape,
});

const list = (values: string[]): string[] => values.flatMap((v) => v.split(',')).map((s) => s.trim()).filter((s) => s !== '');

export function downloadParams(r: ParamReader): DownloadRequest {
  const s = r.scalars(scalars, Object.keys(scalars.shape));
  requireCallback(s.format, s.callback);
  return {
    ...recordsFilter(r),
    sort: list(r.all('sort')),
    fields: s.fields === undefined ? undefined : list([s.fields]),
    rows: s.rows,
    output: {
      format: s.format, callback: s.callback, prettyPrint: s.pretty_print,
      csvSeparator: s.csv_separator, withBom: s.with_bom, useLabelsForHeader: s.use_labels_for_header,
    },
  };
}
