import { AppError } from '../../errors/catalogue';
import type { GisColumn, GisValue } from './gisLayout';

/** The widest character field of a .dbf. */
const TEXT_MAX = 254;
/** The header and record lengths of a .dbf are 16-bit: neither can pass 65,535 bytes. */
const LENGTH_MAX = 0xffff;
/** The most fields a header of 32 bytes, 32 per field and a terminator can describe within that. */
const FIELDS_MAX = Math.floor((LENGTH_MAX - 33) / 32);
/** The most decimals a numeric field is written with. */
const DECIMALS_MAX = 15;

/** One .dbf field: its (mapped) name, dBASE type, width and decimals. */
export interface DbfField { name: string; type: 'C' | 'N' | 'D'; width: number; decimals: number }

/** A text value's bytes, cut to what a character field holds without splitting a UTF-8 character. */
export function dbfText(text: string): Buffer {
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length <= TEXT_MAX) return bytes;
  let end = TEXT_MAX;
  while (end > 0 && (bytes[end] & 0xc0) === 0x80) end--;
  return bytes.subarray(0, end);
}

/** How many decimals a number is written with to keep it (up to 15). */
function decimalsOf(v: number): number {
  const text = String(Math.abs(v));
  const exp = /e([+-]\d+)$/.exec(text);
  const mantissa = exp ? text.slice(0, exp.index) : text;
  const dot = mantissa.indexOf('.');
  const decimals = (dot < 0 ? 0 : mantissa.length - dot - 1) - (exp ? Number(exp[1]) : 0);
  return Math.min(DECIMALS_MAX, Math.max(0, decimals));
}

/**
 * The widths of a .dbf, learnt from the values as they are spooled (a dBASE header fixes every
 * width before the first record): text up to 254 bytes (UTF-8, longer values are cut), numbers
 * as wide as their widest integer part plus their decimals, dates as YYYYMMDD, instants as ISO text.
 */
export class DbfWidths {
  private readonly widths: number[];
  private readonly integers: number[];
  private readonly decimals: number[];

  constructor(private readonly columns: readonly GisColumn[], private readonly names: readonly string[]) {
    this.widths = columns.map(() => 1);
    this.integers = columns.map(() => 1);
    this.decimals = columns.map((c) => (c.type === 'double' ? 1 : 0));
  }

  see(values: readonly (GisValue | null)[]): void {
    values.forEach((v, i) => {
      if (v === null) return;
      if (typeof v === 'number') {
        this.integers[i] = Math.max(this.integers[i], Math.trunc(Math.abs(v)).toFixed(0).length + (v < 0 ? 1 : 0));
        if (this.columns[i].type === 'double') this.decimals[i] = Math.max(this.decimals[i], decimalsOf(v));
      } else {
        this.widths[i] = Math.max(this.widths[i], this.columns[i].type === 'text' ? dbfText(v).length : v.length);
      }
    });
  }

  fields(): DbfField[] {
    return this.columns.map((c, i): DbfField => {
      const name = this.names[i];
      switch (c.type) {
        case 'int': return { name, type: 'N', width: Math.min(this.integers[i], 20), decimals: 0 };
        case 'double': return { name, type: 'N', width: Math.min(this.integers[i] + 1 + this.decimals[i], 40), decimals: this.decimals[i] };
        case 'date': return { name, type: 'D', width: 8, decimals: 0 };
        default: return { name, type: 'C', width: this.widths[i], decimals: 0 };
      }
    });
  }
}

/** The header of a .dbf (dBASE III): version, date of last update, record count, sizes, field descriptors, terminator. */
export function dbfHeader(fields: readonly DbfField[], records: number, now: Date): Buffer {
  const headerLength = 32 + 32 * fields.length + 1;
  const recordLength = 1 + fields.reduce((n, f) => n + f.width, 0);
  if (fields.length > FIELDS_MAX || recordLength > LENGTH_MAX) {
    throw new AppError('unprocessable', `These records do not fit in a Shapefile: its .dbf holds at most ${FIELDS_MAX} fields and ${LENGTH_MAX} bytes per record, and they have ${fields.length} fields of ${recordLength} bytes in all. Download them as GeoPackage (gpkg), FlatGeobuf (fgb) or CSV.`);
  }
  const b = Buffer.alloc(headerLength);
  b.writeUInt8(0x03, 0);
  b.writeUInt8(now.getUTCFullYear() - 1900, 1); b.writeUInt8(now.getUTCMonth() + 1, 2); b.writeUInt8(now.getUTCDate(), 3);
  b.writeUInt32LE(records, 4);
  b.writeUInt16LE(headerLength, 8);
  b.writeUInt16LE(recordLength, 10);
  fields.forEach((f, i) => {
    const at = 32 + 32 * i;
    b.write(f.name, at, 10, 'latin1');
    b.write(f.type, at + 11, 1, 'latin1');
    b.writeUInt8(f.width, at + 16);
    b.writeUInt8(f.decimals, at + 17);
  });
  b.writeUInt8(0x0d, headerLength - 1);
  return b;
}

/** One record of a .dbf: the deletion flag (a space), then each field padded to its width; an empty value is blanks. */
export function dbfRecord(fields: readonly DbfField[], values: readonly (GisValue | null)[]): Buffer {
  const b = Buffer.alloc(1 + fields.reduce((n, f) => n + f.width, 0), 0x20);
  let at = 1;
  fields.forEach((f, i) => {
    const v = values[i];
    if (v !== null) {
      if (f.type === 'C') dbfText(String(v)).copy(b, at);
      else if (f.type === 'D') b.write(String(v).replace(/-/g, '').slice(0, 8), at, 8, 'latin1');
      else {
        const text = (v as number).toFixed(f.decimals);
        b.write(text.slice(0, f.width), at + Math.max(0, f.width - text.length), 'latin1');
      }
    }
    at += f.width;
  });
  return b;
}
