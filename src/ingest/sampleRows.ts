import type { RawRow, ReaderItem } from './rawRow';

/**
 * How many rows types are inferred from (and, in a preview, annotations suggested from): the
 * first rows of the file, read once more before the whole file is read.
 */
export const INFERENCE_SAMPLE = 500;

/** The first `size` rows a reader yields (its problems skipped). */
export async function sampleRows(read: () => AsyncGenerator<ReaderItem>, size = INFERENCE_SAMPLE): Promise<RawRow[]> {
  const rows: RawRow[] = [];
  for await (const item of read()) {
    if (item.kind === 'row') rows.push(item.row);
    if (rows.length >= size) break;
  }
  return rows;
}
