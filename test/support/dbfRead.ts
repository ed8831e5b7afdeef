/** One field descriptor of a dBASE III table. */
export interface DbfFieldRead { name: string; type: string; width: number; decimals: number; nameBytes: Buffer }

/** A .dbf read by its layout (dBASE III: a 32-byte prologue, 32 bytes per field, 0x0D, fixed-width records, 0x1A). */
export interface DbfRead {
  version: number;
  /** Year, month, day of the last update. */
  updated: [number, number, number];
  count: number;
  headerLength: number;
  recordLength: number;
  fields: DbfFieldRead[];
  /** The byte that ends the field descriptors (0x0D when well formed). */
  terminator: number;
  /** Per record: its deletion flag and each field's raw bytes. */
  records: Array<{ flag: number; cells: Buffer[] }>;
  /** What follows the last record (the 0x1A end-of-file marker). */
  rest: Buffer;
}

export function readDbf(b: Buffer): DbfRead {
  const headerLength = b.readUInt16LE(8);
  const recordLength = b.readUInt16LE(10);
  const count = b.readUInt32LE(4);
  const fields: DbfFieldRead[] = [];
  for (let at = 32; at + 32 < headerLength; at += 32) {
    const raw = b.subarray(at, at + 11);
    const zero = raw.indexOf(0);
    fields.push({ name: raw.subarray(0, zero < 0 ? 11 : zero).toString('latin1'), nameBytes: Buffer.from(raw), type: String.fromCharCode(b[at + 11]), width: b[at + 16], decimals: b[at + 17] });
  }
  const records: DbfRead['records'] = [];
  for (let r = 0; r < count; r++) {
    const start = headerLength + r * recordLength;
    const cells: Buffer[] = [];
    let at = start + 1;
    for (const f of fields) { cells.push(b.subarray(at, at + f.width)); at += f.width; }
    records.push({ flag: b[start], cells });
  }
  return {
    version: b[0], updated: [1900 + b[1], b[2], b[3]], count, headerLength, recordLength, fields,
    terminator: b[headerLength - 1], records, rest: b.subarray(headerLength + count * recordLength),
  };
}
