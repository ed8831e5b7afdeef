import { cellValue } from '../../../src/ingest/readers/xlsxCell';

describe('cellValue', () => {
  const strings = ['zéro', 'un'];

  test.each([
    ['a number', 42.5, 42.5],
    ['a text', 'Paris', 'Paris'],
    ['a boolean', true, true],
    ['an empty cell', null, null],
    ['a date at midnight (exceljs: the wall time as UTC fields)', new Date(Date.UTC(2024, 4, 1)), '2024-05-01'],
    ['a date and time', new Date(Date.UTC(2024, 4, 1, 8, 30, 5)), '2024-05-01T08:30:05'],
    ['milliseconds', new Date(Date.UTC(2024, 4, 1, 8, 30, 5, 250)), '2024-05-01T08:30:05.250'],
    ['a shared string', { sharedString: 1 }, 'un'],
    ['a formula by its result', { formula: 'A1*2', result: 85 }, 85],
    ['a shared formula whose result is a date', { sharedFormula: 'B2', result: new Date(Date.UTC(2023, 0, 31)) }, '2023-01-31'],
    ['a formula without a cached result', { formula: 'NOW()' }, null],
    ['rich text', { richText: [{ text: 'Gare ' }, { text: 'du Nord', font: { bold: true } }] }, 'Gare du Nord'],
    ['a hyperlink', { text: 'site', hyperlink: 'https://example.org' }, 'site'],
    ['an error value', { error: '#N/A' }, null],
  ])('%s', (_what, raw, expected) => {
    expect(cellValue(raw, strings)).toEqual(expected);
  });
});
