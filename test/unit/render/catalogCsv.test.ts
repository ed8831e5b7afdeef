import { parse } from 'csv-parse/sync';
import type { PackageHit } from '../../../src/model/dataset';
import { catalogCsv } from '../../../src/render/catalogCsv';

const store = { resource_id: 'r', visibility: 'public' as const, state: 'published' as const, created_at: '2020-01-01T00:00:00.000Z', updated_at: '2020-01-01T00:00:00.000Z', published_at: null };
const hit = (datasetid: string, metas: Record<string, unknown>): PackageHit => ({ datasetid, has_records: true, features: [], dataset: { metas, store } });

describe('catalogCsv', () => {
  test('the header names the columns of the catalog mapping, `;`-separated, CRLF-ended', () => {
    const { contentType, body } = catalogCsv([]);
    expect(contentType).toBe('text/csv; charset=utf-8');
    expect(body).toBe('datasetid;title;publisher;theme;keyword;license;language;modified;records_count\r\n');
  });

  test('one line per dataset: lists joined by commas, numbers as numbers, absent and null metas empty', () => {
    const { body } = catalogCsv([
      hit('arbres', { title: 'Les arbres', publisher: 'Ville', theme: ['Environnement', 'Nature'], keyword: ['arbre'], license: 'ODbL', language: 'fr', modified: '2026-01-02T00:00:00Z', records_count: 120 }),
      hit('vide', { title: null, records_count: 0 }),
    ]);
    const lines = body.split('\r\n');
    expect(lines[1]).toBe('arbres;Les arbres;Ville;Environnement,Nature;arbre;ODbL;fr;2026-01-02T00:00:00Z;120');
    // A zero count is still written (0 is a value, not an absence).
    expect(lines[2]).toBe('vide;;;;;;;;0');
    expect(lines).toHaveLength(4);
    expect(lines[3]).toBe('');
  });

  test('text needing it is quoted; other values are shown as text', () => {
    const { body } = catalogCsv([hit('q', { title: 'Un "titre"; long', publisher: true, theme: [] })]);
    expect(body.split('\r\n')[1]).toBe('q;"Un ""titre""; long";true;;;;;;');
  });

  test('a number is written as a number: one in exponent form is not taken for a formula', () => {
    // As text, "-1e-7" starts with `-` and is no plain number: a cell of text would get a leading quote.
    const { body } = catalogCsv([hit('n', { records_count: -1e-7 })]);
    expect(body.split('\r\n')[1]).toBe('n;;;;;;;;-1e-7');
  });

  test('read back by an independent CSV parser, the same cells', () => {
    const { body } = catalogCsv([hit('a;b', { title: 'x\ny', keyword: ['k1', 'k2'], records_count: 3 })]);
    const rows = parse(body, { delimiter: ';' }) as string[][];
    expect(rows[1]).toEqual(['a;b', 'x\ny', '', '', 'k1,k2', '', '', '', '3']);
  });
});
