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

/**
 * The first rows of a file, read by the reader that then goes on to the rest: `items` yields
 * every item from the first (the sampled ones again, then the ones after them), so the file is
 * read and parsed once. `close` ends the reading (its file) when `items` is not read to the end.
 */
export interface SampledRead {
  readonly sample: RawRow[];
  items(): AsyncGenerator<ReaderItem>;
  close(): Promise<void>;
}

/** Reads the first `size` rows of `read()` and keeps the reader open for the rest (see SampledRead). */
export async function sampleThenRead(read: () => AsyncGenerator<ReaderItem>, size = INFERENCE_SAMPLE): Promise<SampledRead> {
  const source = read();
  const seen: ReaderItem[] = [];
  const sample: RawRow[] = [];
  while (sample.length < size) {
    const next = await source.next();
    if (next.done) break;
    seen.push(next.value);
    if (next.value.kind === 'row') sample.push(next.value.row);
  }
  const close = async (): Promise<void> => { await source.return(undefined); };
  async function* items(): AsyncGenerator<ReaderItem> {
    try {
      yield* seen.splice(0);
      for await (const item of source) yield item;
    } finally {
      await close();
    }
  }
  return { sample, items, close };
}
