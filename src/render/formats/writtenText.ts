import type { WrittenRecord } from '../../model/searchResult';

/**
 * The base64 of a record kept written, from its `skip`-th character on. A slice's is read out of its
 * answer's bytes here, when it is about to be decoded, and is garbage as soon as it has been.
 */
export const writtenText = (record: WrittenRecord, skip = 0): string =>
  (typeof record === 'string' ? (skip === 0 ? record : record.slice(skip)) : record.bytes.toString('latin1', record.start + skip, record.end));

/** How many bytes that base64 decodes to at most, without making it. */
export const writtenBytesAtMost = (record: WrittenRecord): number =>
  Math.ceil(((typeof record === 'string' ? record.length : record.end - record.start) * 3) / 4);
