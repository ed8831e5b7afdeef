import { AppError } from '../../../../src/errors/catalogue';
import { dbfHeader, dbfRecord, dbfText, DbfWidths, type DbfField } from '../../../../src/render/gis/dbfTable';
import type { GisColumn, GisType } from '../../../../src/render/gis/gisLayout';
import { readDbf } from '../../../support/dbfRead';

const col = (name: string, type: GisType): GisColumn => ({ name, label: name, type, value: () => undefined });
/** The fields DbfWidths learns for one column of `type` from `values`. */
const learnt = (type: GisType, values: Array<string | number | null>): DbfField => {
  const w = new DbfWidths([col('x', type)], ['x']);
  for (const v of values) w.see([v]);
  return w.fields()[0];
};

describe('dbfText', () => {
  test('text of 254 bytes or fewer is kept whole, as UTF-8', () => {
    expect(dbfText('').length).toBe(0);
    expect(dbfText('a'.repeat(254)).toString('latin1')).toBe('a'.repeat(254));
    expect(dbfText('é').toString('hex')).toBe('c3a9');
    expect(dbfText('é'.repeat(127)).length).toBe(254);
  });

  test('longer text is cut to 254 bytes', () => {
    expect(dbfText('a'.repeat(255)).toString('latin1')).toBe('a'.repeat(254));
    expect(dbfText('b'.repeat(1000)).length).toBe(254);
  });

  test('the cut never splits a character: a 2-, 3- or 4-byte character that does not fit is left out whole', () => {
    // 'a' + 127 × 'é' is 255 bytes: the last é would straddle byte 254.
    expect(dbfText(`a${'é'.repeat(127)}`).toString('utf8')).toBe(`a${'é'.repeat(126)}`);
    // 253 ASCII bytes then '€' (3 bytes): only 1 byte of room.
    expect(dbfText(`${'a'.repeat(253)}€z`).toString('utf8')).toBe('a'.repeat(253));
    // 252 ASCII then '😀' (4 bytes): cut after the 252.
    expect(dbfText(`${'a'.repeat(252)}😀`).toString('utf8')).toBe('a'.repeat(252));
    // 250 ASCII then '😀' fits exactly.
    expect(dbfText(`${'a'.repeat(250)}😀x`).toString('utf8')).toBe(`${'a'.repeat(250)}😀`);
  });
});

describe('DbfWidths', () => {
  test('before any value: text 1 wide, int 1 digit, double 1 digit and 1 decimal, date 8', () => {
    const w = new DbfWidths([col('t', 'text'), col('i', 'int'), col('d', 'double'), col('day', 'date'), col('at', 'datetime')], ['t', 'i', 'd', 'dy', 'a']);
    expect(w.fields()).toEqual([
      { name: 't', type: 'C', width: 1, decimals: 0 },
      { name: 'i', type: 'N', width: 1, decimals: 0 },
      { name: 'd', type: 'N', width: 3, decimals: 1 },
      { name: 'dy', type: 'D', width: 8, decimals: 0 },
      { name: 'a', type: 'C', width: 1, decimals: 0 },
    ]);
  });

  test('text: as wide as its widest value in UTF-8 bytes, at most 254; empty values change nothing', () => {
    expect(learnt('text', ['abc', null, 'éé', 'a'])).toMatchObject({ type: 'C', width: 4 });
    expect(learnt('text', ['x'.repeat(400)])).toMatchObject({ width: 254 });
    expect(learnt('text', [null, null])).toMatchObject({ width: 1 });
  });

  test('an instant is text as wide as its ISO form', () => {
    expect(learnt('datetime', ['2024-03-05T10:00:00.000Z'])).toEqual({ name: 'x', type: 'C', width: 24, decimals: 0 });
  });

  test('a date column is always YYYYMMDD, whatever its values', () => {
    expect(learnt('date', ['2024-03-05', '2024-03-05T10:00'])).toEqual({ name: 'x', type: 'D', width: 8, decimals: 0 });
  });

  test('int: as many characters as the widest integer, its minus sign included, at most 20', () => {
    expect(learnt('int', [7, 12345, -99])).toEqual({ name: 'x', type: 'N', width: 5, decimals: 0 });
    expect(learnt('int', [-12345])).toMatchObject({ width: 6 });
    expect(learnt('int', [0])).toMatchObject({ width: 1 });
    expect(learnt('int', [-1])).toMatchObject({ width: 2 });
    expect(learnt('int', [-9007199254740991, 9007199254740991])).toMatchObject({ width: 17 });
    expect(learnt('int', [12345678901234567168])).toMatchObject({ width: 20 });
    expect(learnt('int', [-12345678901234567168])).toMatchObject({ width: 20 });
  });

  test('an int column ignores the decimals of its values', () => {
    expect(learnt('int', [1.25])).toEqual({ name: 'x', type: 'N', width: 1, decimals: 0 });
  });

  test('double: integer digits (with the sign) + the point + the most decimals a value needs', () => {
    expect(learnt('double', [1.5])).toEqual({ name: 'x', type: 'N', width: 3, decimals: 1 });
    expect(learnt('double', [123.456, -7.5])).toEqual({ name: 'x', type: 'N', width: 7, decimals: 3 });
    expect(learnt('double', [-1234.5])).toEqual({ name: 'x', type: 'N', width: 7, decimals: 1 });
    expect(learnt('double', [-0.25])).toEqual({ name: 'x', type: 'N', width: 5, decimals: 2 });
    expect(learnt('double', [42])).toEqual({ name: 'x', type: 'N', width: 4, decimals: 1 });
  });

  test('double: decimals of numbers JavaScript prints in exponent form', () => {
    // 1e-7 needs 7 decimals, 1.5e-7 needs 8.
    expect(learnt('double', [1e-7])).toMatchObject({ decimals: 7, width: 9 });
    expect(learnt('double', [1.5e-7])).toMatchObject({ decimals: 8 });
    expect(learnt('double', [-2.5e-9])).toMatchObject({ decimals: 10, width: 13 });
    // A two-digit exponent.
    expect(learnt('double', [1.5e-12])).toMatchObject({ decimals: 13 });
    // 1.5e+21 has no decimals: the 1 decimal of a double column stays.
    expect(learnt('double', [1.5e21])).toMatchObject({ decimals: 1 });
  });

  test('double: at most 15 decimals, at most 40 characters', () => {
    expect(learnt('double', [0.1 + 0.2])).toMatchObject({ decimals: 15, width: 17 });
    expect(learnt('double', [1e-20])).toMatchObject({ decimals: 15 });
    // Past 1e21 JavaScript writes the integer part in exponent form: '-1.7976931348623157e+308' is the longest (24).
    expect(learnt('double', [-Number.MAX_VALUE, 0.123456789012345])).toEqual({ name: 'x', type: 'N', width: 40, decimals: 15 });
    expect(learnt('double', [1.2345678901234568e29])).toEqual({ name: 'x', type: 'N', width: 24, decimals: 1 });
  });

  test('each column learns from its own values only', () => {
    const w = new DbfWidths([col('a', 'text'), col('b', 'double'), col('c', 'int')], ['a', 'b', 'c']);
    w.see(['abcdef', 1.25, 3]);
    w.see([null, null, 123456]);
    expect(w.fields().map((f) => [f.width, f.decimals])).toEqual([[6, 0], [4, 2], [6, 0]]);
  });
});

describe('dbfHeader', () => {
  const fields: DbfField[] = [
    { name: 'nom', type: 'C', width: 12, decimals: 0 },
    { name: 'population', type: 'N', width: 9, decimals: 0 },
    { name: 'surface', type: 'N', width: 8, decimals: 3 },
    { name: 'le_jour', type: 'D', width: 8, decimals: 0 },
  ];

  test('dBASE III: version 3, UTC date of the update, count, header and record lengths, descriptors, 0x0D', () => {
    const b = dbfHeader(fields, 70000, new Date('2026-02-28T23:30:00Z'));
    const r = readDbf(b);
    expect(b.length).toBe(32 + 4 * 32 + 1);
    expect([r.version, r.updated, r.count, r.headerLength, r.recordLength, r.terminator]).toEqual([3, [2026, 2, 28], 70000, 161, 1 + 12 + 9 + 8 + 8, 0x0d]);
    expect(r.fields.map((f) => [f.name, f.type, f.width, f.decimals])).toEqual([['nom', 'C', 12, 0], ['population', 'N', 9, 0], ['surface', 'N', 8, 3], ['le_jour', 'D', 8, 0]]);
  });

  test('names are NUL-padded to 11 bytes (a 10-character name keeps its terminating NUL); reserved bytes stay 0', () => {
    const b = dbfHeader(fields, 1, new Date('2000-01-01T00:00:00Z'));
    const r = readDbf(b);
    expect(r.fields[1].nameBytes.toString('hex')).toBe(`${Buffer.from('population').toString('hex')}00`);
    expect(r.fields[0].nameBytes.toString('hex')).toBe(`${Buffer.from('nom').toString('hex')}${'00'.repeat(8)}`);
    expect([...b.subarray(12, 32)].every((x) => x === 0)).toBe(true);
    expect(r.updated).toEqual([2000, 1, 1]);
  });

  test('no field: 33 bytes, record length 1 (the deletion flag)', () => {
    const r = readDbf(dbfHeader([], 0, new Date('2026-12-31T00:00:00Z')));
    expect([r.headerLength, r.recordLength, r.fields.length, r.terminator, r.updated]).toEqual([33, 1, 0, 0x0d, [2026, 12, 31]]);
  });
});

describe('dbfRecord', () => {
  const fields: DbfField[] = [
    { name: 'nom', type: 'C', width: 6, decimals: 0 },
    { name: 'n', type: 'N', width: 5, decimals: 0 },
    { name: 'x', type: 'N', width: 7, decimals: 2 },
    { name: 'jour', type: 'D', width: 8, decimals: 0 },
    { name: 'at', type: 'C', width: 24, decimals: 0 },
  ];

  test('a space (not deleted), text left-aligned, numbers right-aligned with their decimals, dates YYYYMMDD', () => {
    const b = dbfRecord(fields, ['ab', 42, -3.5, '2024-03-05', '2024-03-05T10:00:00.000Z']);
    expect(b.toString('latin1')).toBe([' ', 'ab    ', '   42', '  -3.50', '20240305', '2024-03-05T10:00:00.000Z'].join(''));
  });

  test('empty values are blanks', () => {
    expect(dbfRecord(fields, [null, null, null, null, null]).toString('latin1')).toBe(' '.repeat(1 + 6 + 5 + 7 + 8 + 24));
  });

  test('text is written as UTF-8 bytes and padded with spaces after them', () => {
    const b = dbfRecord([{ name: 't', type: 'C', width: 5, decimals: 0 }], ['é€']);
    expect(b.toString('hex')).toBe(`20${Buffer.from('é€', 'utf8').toString('hex')}`);
    expect(dbfRecord([{ name: 't', type: 'C', width: 7, decimals: 0 }], ['é€']).toString('hex')).toBe(`20${Buffer.from('é€', 'utf8').toString('hex')}2020`);
  });

  test('a number wider than its field keeps its first characters; a rounding fills the decimals', () => {
    const n: DbfField[] = [{ name: 'n', type: 'N', width: 3, decimals: 0 }, { name: 'd', type: 'N', width: 6, decimals: 3 }];
    expect(dbfRecord(n, [123456, 1.23456]).toString('latin1')).toBe(' 123 1.235');
    expect(dbfRecord(n, [7.6, 2]).toString('latin1')).toBe('   8 2.000');
  });

  test('a number exactly as wide as its field fills it', () => {
    expect(dbfRecord([{ name: 'n', type: 'N', width: 4, decimals: 1 }], [-1.5]).toString('latin1')).toBe(' -1.5');
  });

  test('the value of a text field may be a number', () => {
    expect(dbfRecord([{ name: 't', type: 'C', width: 4, decimals: 0 }], [12]).toString('latin1')).toBe(' 12  ');
  });
});

describe('dbfHeader: what a .dbf cannot hold', () => {
  // dBASE III stores the header and the record length as unsigned 16-bit numbers: 65,535 at most.
  const text = (i: number, width: number): DbfField => ({ name: `f${i}`, type: 'C', width, decimals: 0 });
  const refusal = (fields: DbfField[]): unknown => {
    try { dbfHeader(fields, 1, new Date('2026-01-01T00:00:00Z')); } catch (err) { return err; }
    return undefined;
  };

  test('a record of 65,535 bytes fits; one byte more is a 422 that names the formats that can', () => {
    // 258 fields of 254 bytes and one of 2: 1 + 65,532 + 2 = 65,535.
    const fits = [...Array.from({ length: 258 }, (_, i) => text(i, 254)), text(258, 2)];
    expect(readDbf(dbfHeader(fits, 1, new Date('2026-01-01T00:00:00Z'))).recordLength).toBe(65_535);
    const err = refusal([...fits.slice(0, 258), text(258, 3)]);
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ code: 'unprocessable', status: 422 });
    expect((err as Error).message).toMatch(/259 fields of 65536 bytes/);
    expect((err as Error).message).toMatch(/GeoPackage/);
  });

  test('2,046 fields fit in the header (32 + 32 × 2,046 + 1 = 65,505 bytes); 2,047 do not', () => {
    const narrow = (n: number): DbfField[] => Array.from({ length: n }, (_, i) => text(i, 1));
    expect(readDbf(dbfHeader(narrow(2046), 1, new Date('2026-01-01T00:00:00Z'))).headerLength).toBe(65_505);
    expect(refusal(narrow(2047))).toMatchObject({ code: 'unprocessable', message: expect.stringMatching(/at most 2046 fields .* 2047 fields/) });
  });
});
