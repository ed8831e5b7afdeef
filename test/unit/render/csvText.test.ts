import { parse } from 'csv-parse/sync';
import { csvCell, csvLine } from '../../../src/render/csvText';

/** An independent reading of our output: csv-parse with the same separator, as RFC 4180 reads it. */
const readBack = (text: string, delimiter: string): string[][] => parse(text, { delimiter, record_delimiter: '\r\n', relax_column_count: true }) as string[][];

describe('csvCell', () => {
  test('an absent value is an empty cell, a number its plain text', () => {
    expect(csvCell(undefined, ';')).toBe('');
    expect(csvCell(12.5, ';')).toBe('12.5');
    expect(csvCell(-3, ';')).toBe('-3');
  });

  test('plain text is written as it is', () => {
    expect(csvCell('Paris 15e', ';')).toBe('Paris 15e');
    expect(csvCell('', ';')).toBe('');
  });

  test('a cell holding the separator, a quote or a line break is quoted, its quotes doubled (RFC 4180 §2.6, §2.7)', () => {
    expect(csvCell('a;b', ';')).toBe('"a;b"');
    expect(csvCell('say "hi"', ';')).toBe('"say ""hi"""');
    expect(csvCell('one\ntwo', ';')).toBe('"one\ntwo"');
    expect(csvCell('one\rtwo', ';')).toBe('"one\rtwo"');
    expect(csvCell('le "grand"; suite\nfin', ';')).toBe('"le ""grand""; suite\nfin"');
    // Unicode line and paragraph separators: some readers break lines on them.
    expect(csvCell('a\u2028b', ';')).toBe('"a\u2028b"');
    expect(csvCell('a\u2029b', ';')).toBe('"a\u2029b"');
  });

  test('the separator is the one given: a comma needs no quotes when the separator is `;`', () => {
    expect(csvCell('a,b', ';')).toBe('a,b');
    expect(csvCell('a,b', ',')).toBe('"a,b"');
    expect(csvCell('a;b', '\t')).toBe('a;b');
    expect(csvCell('a\tb', '\t')).toBe('"a\tb"');
  });

  test('text a spreadsheet would run as a formula gets a leading quote (OWASP CSV injection)', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) {
      const text = `${start}SUM(A1)`;
      const cell = csvCell(text, ';');
      // A cell with \r must also be quoted; the others are plain.
      expect(cell).toBe(start === '\r' ? `"'${text}"` : `'${text}`);
    }
  });

  test('a signed number written as text is not a formula, and is left alone', () => {
    expect(csvCell('-12', ';')).toBe('-12');
    expect(csvCell('+12.5', ';')).toBe('+12.5');
    expect(csvCell('-12,5', ';')).toBe('-12,5');
    expect(csvCell('-12.55', ';')).toBe('-12.55');
    // Not a whole number: a formula start with something after the digits.
    expect(csvCell('-12+1', ';')).toBe("'-12+1");
    expect(csvCell('+1e3', ';')).toBe("'+1e3");
    // Anchored on both ends: digits then text, or text then digits, is still neutralised.
    expect(csvCell('-1x', ';')).toBe("'-1x");
    expect(csvCell('-x1', ';')).toBe("'-x1");
    expect(csvCell('-12.', ';')).toBe("'-12.");
  });

  test('a formula start not at the beginning is plain text', () => {
    expect(csvCell('a=b', ';')).toBe('a=b');
    expect(csvCell('x-1', ';')).toBe('x-1');
  });

  test('NUL characters are dropped, all of them', () => {
    expect(csvCell('a\u0000b\u0000c', ';')).toBe('abc');
    // Dropped before the formula test: the NUL no longer hides the `=`.
    expect(csvCell('\u0000=1', ';')).toBe("'=1");
  });
});

describe('csvLine', () => {
  test('cells joined by the separator, the line ended by CRLF (RFC 4180 §2.1)', () => {
    expect(csvLine(['a', 1, undefined, 'b'], ';')).toBe('a;1;;b\r\n');
    expect(csvLine([], ';')).toBe('\r\n');
  });

  test('read back by an independent CSV parser, the cells are the ones written', () => {
    const cells = ['le "grand"; suite\nfin', 'a,b', 'x\r\ny', 'plain', ''];
    for (const separator of [';', ',', '\t']) {
      const text = csvLine(cells, separator) + csvLine(['2', 'z'], separator);
      expect(readBack(text, separator)).toEqual([cells, ['2', 'z']]);
    }
  });
});
