import { WRITTEN_RECORD, type WrittenRecord } from '../../model/searchResult';
import { recordHeadJson } from '../recordJson';
import { writtenBytesAtMost, writtenText } from './writtenText';

const BETWEEN = Buffer.from(', '), NOTHING = Buffer.alloc(0);

/**
 * The bytes of a piece of records kept written (each its ODS JSON from `"recordid"` on): every
 * record opened by `open` (the object's head, which names the dataset), followed by `end`, and
 * separated from the one before it by `between`, the piece's first too unless it opens the body.
 * Each record is decoded from base64 straight into the one buffer of the piece: no buffer per
 * record, and no copy of them all into the piece's.
 */
export function writtenItems(records: readonly WrittenRecord[], first: boolean, open: Buffer, between: Buffer, end: Buffer): Buffer {
  return decodedItems(records, WRITTEN_RECORD.headChars, first, open, between, end);
}

/** The bytes of a piece of CSV lines kept written (WRITTEN_CSV, which have no head), one after the other. */
export const writtenLines = (records: readonly WrittenRecord[]): Buffer => decodedItems(records, 0, true, NOTHING, NOTHING, NOTHING);

/** writtenItems's bytes, of texts that follow a head of `headChars` base64 characters. */
function decodedItems(records: readonly WrittenRecord[], headChars: number, first: boolean, open: Buffer, between: Buffer, end: Buffer): Buffer {
  const separators = first ? records.length - 1 : records.length;
  let size = records.length * (open.length + end.length) + Math.max(separators, 0) * between.length;
  for (const r of records) size += writtenBytesAtMost(r);
  const out = Buffer.allocUnsafe(size);
  let at = 0;
  for (let i = 0; i < records.length; i++) {
    if (i > 0 || !first) at += between.copy(out, at);
    at += open.copy(out, at);
    at += out.write(writtenText(records[i], headChars), at, 'base64');
    at += end.copy(out, at);
  }
  return out.subarray(0, at);
}

/** The items of a JSON array of ODS records kept written, each opened with the id the dataset is shown under: a download's pages, or a records page's array. */
export function writtenRecordItems(datasetId: string): (records: readonly WrittenRecord[], first: boolean) => Buffer {
  const open = Buffer.from(recordHeadJson(datasetId));
  return (records, first) => writtenItems(records, first, open, BETWEEN, NOTHING);
}
