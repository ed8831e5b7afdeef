import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { parseDescriptor } from '../../src/catalog/parseDescriptor';
import { loadConfig } from '../../src/config/config';
import type { Deps } from '../../src/execute/deps';
import { openDeps } from '../../src/execute/openDeps';
import type { Preview } from '../../src/usecases/previewSource';
import { buildCli, runCli } from '../support/cliProcess';
import { ownDatabase } from '../support/ownDatabase';
import { FIXTURES, rawCsvLines, rawCsvObjects } from '../support/rawFixtures';
import { testApp } from '../support/recordsApp';

/**
 * `infer` then `ingest` as an operator runs them (child processes), on a database of their own:
 * `infer` and `ingest --dry-run` open no store, so that database does not exist until the real
 * `ingest` creates it.
 */
const own = ownDatabase('infer_cli');
const PREFIX = own.prefix;
const ENV = own.env;
const cli = (...args: string[]) => runCli(args, ENV);
const databaseExists = () => own.exists();
const dropDatabase = () => own.drop();

let deps: (Deps & { close(): Promise<void> }) | undefined;
const cliDeps = async (): Promise<Deps & { close(): Promise<void> }> => {
  deps ??= await openDeps(loadConfig({ ...process.env, ...ENV }));
  return deps;
};
const dir = mkdtempSync(join(tmpdir(), 'portal-search-infer-'));
const LIEUX = join(FIXTURES, 'data', 'lieux-de-tournage-a-paris.csv');
const RAW = rawCsvObjects('lieux-de-tournage-a-paris.csv');
const ID = 'lieux-inferred';

beforeAll(async () => {
  await dropDatabase();
  await buildCli();
}, 300000);
afterAll(async () => {
  if (deps) {
    await deps.es.indices.delete({ index: `${PREFIX}*`, ignore_unavailable: true, allow_no_indices: true, expand_wildcards: 'all' });
    await deps.close();
  }
  await dropDatabase();
});

/** Counts of each value of a raw column, as facet entries sorted by count then name. */
const countsOf = (values: string[]): Array<[string, number]> => {
  const counts = new Map<string, number>();
  for (const v of values.filter((x) => x !== '')) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
};

describe('infer, ingest --dry-run, then ingest', () => {
  let dryRun: Preview;

  test('infer prints a descriptor on stdout and the counts on stderr, and opens no store', async () => {
    const r = await cli('infer', LIEUX, '--id', ID, '--delimiter', ';');
    expect(r.code).toBe(0);
    const descriptor = parseDescriptor(JSON.parse(r.stdout), 'stdout');
    expect([descriptor.id, descriptor.source]).toEqual([ID, { path: LIEUX, format: 'csv', delimiter: ';' }]);
    expect(descriptor.fields.find((f) => f.label === 'Type de tournage')?.annotations).toEqual([{ name: 'facet' }]);
    expect(r.stderr.split('\n')).toEqual([`${RAW.length} lines read, 0 with warnings (0 warnings); 20 first records rendered`, 'would be published', '']);
    writeFileSync(join(dir, 'lieux.json'), r.stdout, 'utf8');
    expect(await databaseExists()).toBe(false);
  });

  test('infer refuses bad options with the usage (exit 2)', async () => {
    const r = await cli('infer', LIEUX, '--delimiter', '|');
    expect([r.code, r.stderr.split('\n')[0]]).toEqual([2, "--delimiter takes ';', ',' or tab, not |"]);
    expect((await cli('infer')).code).toBe(2);
  });

  test('ingest --dry-run prints the schema and the counts, and publishes nothing (no store is even created)', async () => {
    const r = await cli('ingest', '--dry-run', join(dir, 'lieux.json'));
    expect([r.code, r.stderr]).toEqual([0, '']);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(`${ID} (dry run, nothing published):`);
    expect(lines).toContain('  type_de_tournage: text [facet] ← "Type de tournage"');
    expect(lines).toContain('  date_de_debut: date [facet, sortable] ← "Date de début"');
    expect(lines.slice(-2)).toEqual([`${RAW.length} lines read, 0 with warnings (0 warnings); 20 first records rendered`, 'would be published']);
    const json = await cli('ingest', '--dry-run', '--json', join(dir, 'lieux.json'));
    dryRun = JSON.parse(json.stdout) as Preview;
    expect(dryRun.records).toHaveLength(20);
    expect(await databaseExists()).toBe(false);
  });

  test('ingest of the inferred descriptor publishes; facets on the inferred facet fields return the raw file\'s counts', async () => {
    const r = await cli('ingest', join(dir, 'lieux.json'));
    expect([r.code, r.stderr]).toEqual([0, '']);
    const app = testApp(await cliDeps());
    const res = await request(app).get('/api/records/1.0/search').query({ dataset: ID, rows: 0, facet: ['type_de_tournage', 'date_de_debut'] });
    expect(res.status).toBe(200);
    const groups = (res.body as { nhits: number; facet_groups: Array<{ name: string; facets: Array<{ name: string; count: number }> }> });
    expect(groups.nhits).toBe(RAW.length);
    const group = (name: string) => groups.facet_groups.find((g) => g.name === name)?.facets.map((f) => [f.name, f.count]);
    expect(group('type_de_tournage')).toEqual(countsOf(RAW.map((row) => row['Type de tournage'].trim())));
    // A date facet's first level: the years of the raw dates.
    expect(group('date_de_debut')).toEqual(countsOf(RAW.map((row) => row['Date de début'].slice(0, 4))));
  });

  test('the dry run\'s records are the published ones, id for id, as the records API renders them', async () => {
    const app = testApp(await cliDeps());
    for (const record of dryRun.records) {
      const res = await request(app).get(`/api/datasets/1.0/${ID}/records/${record.recordid}`);
      expect([res.status, (res.body as { fields: unknown }).fields]).toEqual([200, record.fields]);
    }
  });

  test('a dry run that would be refused exits 1 and changes nothing: the published version keeps serving', async () => {
    // Ten rows with the file's header, five with a year that is no integer (lines 2, 4, 6, 8, 10).
    const [header, first] = rawCsvLines('lieux-de-tournage-a-paris.csv');
    const year = header.cells.indexOf('Année du tournage');
    const rows = Array.from({ length: 10 }, (_, k) => first.cells.map((c, i) => (i === year && k % 2 === 0 ? 'deux mille' : c)));
    const quote = (c: string): string => (/[;"\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
    writeFileSync(join(dir, 'bad.csv'), [header.cells, ...rows].map((r) => r.map(quote).join(';')).join('\n'), 'utf8');
    const descriptor = JSON.parse(readFileSync(join(dir, 'lieux.json'), 'utf8')) as { source: { path: string } };
    descriptor.source.path = 'bad.csv';
    writeFileSync(join(dir, 'bad.json'), JSON.stringify(descriptor), 'utf8');
    const es = (await cliDeps()).es;
    const before = Object.keys(await es.indices.getAlias({ name: `${PREFIX}records-${ID}` }));

    const r = await cli('ingest', '--dry-run', join(dir, 'bad.json'));
    expect(r.code).toBe(1);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.filter((l) => l.startsWith('  line')).map((l) => /^ {2}line (\d+) (\w+): /.exec(l)?.slice(1))).toEqual(
      [2, 4, 6, 8, 10].map((line) => [String(line), 'annee_du_tournage']),
    );
    expect(lines.at(-1)).toBe(`would be refused: ${ID}: 5 of 10 lines have warnings (50 %), more than the 5 % allowed (raise the limit with maxWarningShare in the descriptor or --max-warning-share)`);
    expect(Object.keys(await es.indices.getAlias({ name: `${PREFIX}records-${ID}` }))).toEqual(before);
    const res = await request(testApp(await cliDeps())).get('/api/records/1.0/search').query({ dataset: ID, rows: 0 });
    expect((res.body as { nhits: number }).nhits).toBe(RAW.length);
  });
});
