import type { RawRow, ReaderItem, RowProblem } from '../../src/ingest/rawRow';

/** Everything a reader yields: its rows and its problems, in order. */
export async function readAll(items: AsyncGenerator<ReaderItem>): Promise<{ rows: RawRow[]; problems: RowProblem[] }> {
  const rows: RawRow[] = [];
  const problems: RowProblem[] = [];
  for await (const item of items) {
    if (item.kind === 'row') rows.push(item.row); else problems.push(item.problem);
  }
  return { rows, problems };
}

/** The error a read throws (a test fails when the read succeeds). */
export async function readFailure(items: AsyncGenerator<ReaderItem>): Promise<Error & { status?: number }> {
  try {
    for await (const item of items) void item;
  } catch (err) {
    return err as Error & { status?: number };
  }
  throw new Error('the read succeeded');
}
