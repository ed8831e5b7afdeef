import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ERRORS } from '../../../src/errors/catalogue';

const ROOT = join(__dirname, '..', '..', '..');

const cells = (line: string): string[] => line.split('|').slice(1, -1).map((c) => c.trim());
const unquoted = (cell: string): string => cell.replace(/^`(.*)`$/, '$1');

/** The README's error table (the one whose first column is `code`): one object per row, keyed by column title. */
function readmeErrorTable(): Array<Record<string, string>> {
  const lines = readFileSync(join(ROOT, 'README.md'), 'utf8').split('\n');
  const start = lines.findIndex((l) => l.startsWith('| code |'));
  if (start < 0) throw new Error('README.md has no table starting with "| code |"');
  const titles = cells(lines[start]);
  const end = lines.findIndex((l, i) => i > start && !l.startsWith('|'));
  return lines.slice(start + 2, end).map((l) => Object.fromEntries(cells(l).map((c, i) => [titles[i], unquoted(c)])));
}

/** Every TypeScript file of src/ but the catalogue itself, as one text. */
function sourceOutsideCatalogue(): string {
  const catalogue = require.resolve('../../../src/errors/catalogue');
  return readdirSync(join(ROOT, 'src'), { recursive: true, encoding: 'utf8' })
    .map((f) => join(ROOT, 'src', f))
    .filter((f) => f.endsWith('.ts') && f !== catalogue)
    .map((f) => readFileSync(f, 'utf8'))
    .join('\n');
}

describe('the error catalogue', () => {
  test("is the README's error table: code, status, errorcode and CKAN __type, each with a when", () => {
    const table = readmeErrorTable();
    expect(Object.keys(table[0])).toEqual(['code', 'status', 'errorcode', 'CKAN `__type`', 'when']);
    const byCode = (rows: Array<[string, number, number, string]>) => [...rows].sort((a, b) => a[0].localeCompare(b[0]));
    expect(byCode(table.map((r) => [r.code, Number(r.status), Number(r.errorcode), r['CKAN `__type`']])))
      .toEqual(byCode(Object.entries(ERRORS).map(([code, e]) => [code, e.status, e.errorcode, e.ckanType])));
    expect(table.filter((r) => !r.when).map((r) => r.code)).toEqual([]);
  });

  test('has distinct errorcodes', () => {
    const codes = Object.values(ERRORS).map((e) => e.errorcode);
    expect(new Set(codes).size).toBe(codes.length);
  });

  test('holds only codes that src/ raises (each named as a string literal outside the catalogue)', () => {
    const source = sourceOutsideCatalogue();
    expect(Object.keys(ERRORS).filter((code) => !new RegExp(`['"\`]${code}['"\`]`).test(source))).toEqual([]);
  });
});
