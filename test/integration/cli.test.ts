import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Express } from 'express';
import { Client } from 'pg';
import request from 'supertest';
import { loadConfig } from '../../src/config/config';
import type { Deps } from '../../src/execute/deps';
import { publishLockKey } from '../../src/execute/exclusively';
import { openDeps } from '../../src/execute/openDeps';
import { buildCli, runCli, startServe } from '../support/cliProcess';
import { ownDatabase } from '../support/ownDatabase';
import { rawParisCatalog } from '../support/parisCatalog';
import { testApp } from '../support/recordsApp';

/**
 * The `portal-search` commands as an operator runs them: a child process, on a database of its own
 * that does not exist yet (the CLI creates it) and an index prefix of its own, so that what
 * `reindex --all` lists is exactly what this file published.
 */
const own = ownDatabase('cli');
const DB_NAME = own.name;
const SERVE_DB_NAME = `${DB_NAME}_serve`;
const urlOf = own.urlOf;
const PREFIX = own.prefix;
const ENV = own.env;
const cli = (...args: string[]) => runCli(args, ENV);
const databaseExists = own.exists;
const dropDatabases = () => own.drop(DB_NAME, SERVE_DB_NAME);

let deps: (Deps & { close(): Promise<void> }) | undefined;
const dir = mkdtempSync(join(tmpdir(), 'portal-search-cli-'));

beforeAll(async () => {
  await dropDatabases();
  await buildCli();
}, 300000);
afterAll(async () => {
  if (deps) {
    await deps.es.indices.delete({ index: `${PREFIX}*`, ignore_unavailable: true, allow_no_indices: true, expand_wildcards: 'all' });
    await deps.close();
  }
  await dropDatabases();
});

/** The stores the CLI wrote to, opened once the CLI has created the database. */
const cliDeps = async (): Promise<Deps & { close(): Promise<void> }> => {
  deps ??= await openDeps(loadConfig({ ...process.env, ...ENV }));
  return deps;
};

// A CSV whose first record spans lines 2-3 (a quoted line break), so that lines are not row numbers.
// Rows 1-25 have a bad `n`; row 2 also a bad `d`: 26 warnings on 25 rows of 30.
const ROWS = 30;
const csvRows = Array.from({ length: ROWS }, (_, k) => {
  const row = k + 1;
  const nom = row === 1 ? '"deux\nlignes"' : `nom ${row}`;
  const n = row <= 25 ? `x${row}` : String(row * 10);
  const d = row === 2 ? 'le 3 mai' : '2024-05-03';
  return `${nom};${n};${d}`;
});
const lineOfRow = (row: number): number => (row === 1 ? 2 : row + 2);
const expectedWarnings = Array.from({ length: 25 }, (_, k) => k + 1)
  .flatMap((row) => (row === 2 ? [[lineOfRow(row), 'n'], [lineOfRow(row), 'd']] : [[lineOfRow(row), 'n']]));
// A JSON array of 4 items; items 2 and 4 have a bad `n`.
const ITEMS = [{ nom: 'a', n: 1 }, { nom: 'b', n: 'deux' }, { nom: 'c', n: 3 }, { nom: 'd', n: 'quatre' }];

const fields = [
  { name: 'nom', label: 'Nom', type: 'text', source: { column: 'nom' } },
  { name: 'n', label: 'N', type: 'int', source: { column: 'n' } },
  { name: 'd', label: 'D', type: 'date', source: { column: 'd' } },
];
writeFileSync(join(dir, 'warned.csv'), `nom;n;d\n${csvRows.join('\n')}\n`, 'utf8');
writeFileSync(join(dir, 'warned.json'), JSON.stringify({ id: 'cli-warned', metadata: { title: 'Warned' }, source: { path: 'warned.csv', format: 'csv' }, fields }), 'utf8');
writeFileSync(join(dir, 'items.json'), JSON.stringify(ITEMS), 'utf8');
writeFileSync(join(dir, 'items-descriptor.json'), JSON.stringify({ id: 'cli-items', metadata: { title: 'Items' }, source: { path: 'items.json', format: 'json' }, fields: fields.slice(0, 2) }), 'utf8');
// Three real entries of the Paris catalog export for a domain, two more for the default domain.
const CATALOG = rawParisCatalog().slice(0, 5);
writeFileSync(join(dir, 'catalog-domain.json'), JSON.stringify(CATALOG.slice(0, 3)), 'utf8');
writeFileSync(join(dir, 'catalog-default.json'), JSON.stringify(CATALOG.slice(3)), 'utf8');

const aliasTarget = async (alias: string): Promise<string[]> => Object.keys(await (await cliDeps()).es.indices.getAlias({ name: alias }));

describe('portal-search as a command (a child process)', () => {
  test('the database named by DATABASE_URL is created when it is missing', async () => {
    expect(await databaseExists()).toBe(false);
    const listed = await cli('domain', 'list');
    expect([listed.code, listed.stdout.split('\n')[0].split('\t')[0]]).toEqual([0, 'default']);
    expect(await databaseExists()).toBe(true);
  });

  test('serve, too, creates the database it is given when it is missing, then answers', async () => {
    expect(await databaseExists(SERVE_DB_NAME)).toBe(false);
    const server = await startServe({ DATABASE_URL: urlOf(SERVE_DB_NAME), ES_INDEX_PREFIX: `${PREFIX}serve-` });
    try {
      expect(await databaseExists(SERVE_DB_NAME)).toBe(true);
      const res = await fetch(`${server.url}/api/datasets/1.0/search?rows=0`);
      expect([res.status, ((await res.json()) as { nhits: number }).nhits]).toEqual([200, 0]);
    } finally {
      await server.stop();
    }
  });

  test('ingest prints, per descriptor, rows read, published and warned, then the first 20 warnings by line or item', async () => {
    // Most rows of these files warn: allowed here by --max-warning-share (the default is 5 %).
    const r = await cli('ingest', join(dir, 'warned.json'), join(dir, 'items-descriptor.json'), '--max-warning-share', '100%');
    expect([r.code, r.stderr]).toEqual([0, '']);
    const lines = r.stdout.trimEnd().split('\n');
    // warned.csv: its summary, 20 warnings in file order, then how many more.
    const head = /^cli-warned: 30 rows read, 30 published, 25 with warnings \(26 warnings\) → (\S+)$/.exec(lines[0]);
    expect([lines[0], head !== null]).toEqual([lines[0], true]);
    const shown = lines.slice(1, 21).map((l) => /^ {2}line (\d+) (\w+): \S.*$/.exec(l)).map((m) => (m ? [Number(m[1]), m[2]] : null));
    expect(shown).toEqual(expectedWarnings.slice(0, 20));
    expect(lines[21]).toBe(`  … ${expectedWarnings.length - 20} more warnings`);
    // items.json: warnings by item number.
    const items = /^cli-items: 4 rows read, 4 published, 2 with warnings \(2 warnings\) → (\S+)$/.exec(lines[22]);
    expect([lines[22], items !== null]).toEqual([lines[22], true]);
    expect(lines.slice(23).map((l) => /^ {2}item (\d+) n: \S.*$/.exec(l)?.[1])).toEqual(['2', '4']);
    expect(lines).toHaveLength(25);
    // The printed index is the one the dataset's alias now points to, and holds every row.
    const es = (await cliDeps()).es;
    expect(await aliasTarget(`${PREFIX}records-cli-warned`)).toEqual([head![1]]);
    expect(await aliasTarget(`${PREFIX}records-cli-items`)).toEqual([items![1]]);
    expect((await es.count({ index: `${PREFIX}records-cli-warned` })).count).toBe(ROWS);
    expect((await es.count({ index: `${PREFIX}records-cli-items` })).count).toBe(ITEMS.length);
  });

  test('import-catalog --domain puts the entries in that domain; without it, in the default domain', async () => {
    expect((await cli('domain', 'add', 'cli-dom', '--title', 'CLI domain')).code).toBe(0);
    const toDomain = await cli('import-catalog', join(dir, 'catalog-domain.json'), '--domain', 'cli-dom');
    // The catalog index holds the two ingested datasets and the imported entries.
    expect([toDomain.code, toDomain.stdout]).toEqual([0, 'catalog: 3 entries imported, 5 datasets in the catalog index\n']);
    const toDefault = await cli('import-catalog', join(dir, 'catalog-default.json'));
    expect([toDefault.code, toDefault.stdout]).toEqual([0, 'catalog: 2 entries imported, 7 datasets in the catalog index\n']);
    const app: Express = testApp(await cliDeps());
    const search = async (path: string) => {
      const res = await request(app).get(`${path}?rows=100&sort=-title`);
      expect(res.status).toBe(200);
      return (res.body as { datasets: Array<{ datasetid: string; metas: { title: string } }> }).datasets.map((d) => [d.datasetid, d.metas.title]).sort();
    };
    const entries = (xs: typeof CATALOG) => xs.map((e) => [e.dataset_id, e.metas.default.title as string]).sort();
    // cli-dom does not include the platform's datasets: it sees exactly its three entries.
    expect(await search('/cli-dom/api2/datasets/search')).toEqual(entries(CATALOG.slice(0, 3)));
    // The default domain includes every public dataset: the two ingested, and all five entries.
    expect(await search('/api/datasets/1.0/search')).toEqual([...entries(CATALOG), ['cli-items', 'Items'], ['cli-warned', 'Warned']].sort());
    const owners = (await (await cliDeps()).pool.query<{ id: string; domain_id: string }>('SELECT id, domain_id FROM datasets ORDER BY id')).rows;
    expect(owners.filter((o) => CATALOG.some((e) => e.dataset_id === o.id)).map((o) => [o.id, o.domain_id]).sort())
      .toEqual([...CATALOG.slice(0, 3).map((e) => [e.dataset_id, 'cli-dom']), ...CATALOG.slice(3).map((e) => [e.dataset_id, 'default'])].sort());
  });

  test('reindex --all rebuilds every dataset that has records (not the metadata-only entries), then the catalog', async () => {
    const before = { warned: await aliasTarget(`${PREFIX}records-cli-warned`), items: await aliasTarget(`${PREFIX}records-cli-items`) };
    const r = await cli('reindex', '--all');
    expect([r.code, r.stderr]).toEqual([0, '']);
    const lines = r.stdout.trimEnd().split('\n');
    const m = lines.map((l) => /^(\S+): (\d+) (documents|datasets) → (\S+)$/.exec(l));
    expect(m.map((x) => (x ? [x[1], Number(x[2]), x[3]] : null))).toEqual([
      ['cli-items', ITEMS.length, 'documents'], ['cli-warned', ROWS, 'documents'], ['catalog', 2 + CATALOG.length, 'datasets'],
    ]);
    // Each dataset's alias moved to the new index the command printed, which holds its rows.
    const es = (await cliDeps()).es;
    expect(await aliasTarget(`${PREFIX}records-cli-items`)).toEqual([m[0]![4]]);
    expect(await aliasTarget(`${PREFIX}records-cli-warned`)).toEqual([m[1]![4]]);
    expect([m[0]![4] === before.items[0], m[1]![4] === before.warned[0]]).toEqual([false, false]);
    expect((await es.count({ index: `${PREFIX}records-cli-warned` })).count).toBe(ROWS);
    expect(await aliasTarget(`${PREFIX}catalog`)).toEqual([m[2]![4]]);
    // One dataset by name: only that one, then the catalog.
    const one = await cli('reindex', 'cli-items');
    expect(one.stdout.trimEnd().split('\n').map((l) => l.split(':')[0])).toEqual(['cli-items', 'catalog']);
  });

  describe('ingest refuses what it cannot publish safely: exit code 1, why on stderr, the previous version still served', () => {
    const served = async (id: string): Promise<string[]> => {
      const res = await request(testApp(await cliDeps())).get('/api/records/1.0/search').query({ dataset: id, rows: 100 });
      expect(res.status).toBe(200);
      return (res.body as { records: Array<{ fields: { nom: string } }> }).records.map((r) => r.fields.nom).sort();
    };
    const oldNames = csvRows.map((r) => (r.startsWith('"') ? 'deux\nlignes' : r.split(';')[0])).sort();
    // Ten new rows, two with a bad `n` (lines 4 and 8): 20 % of the rows warn.
    const newRows = Array.from({ length: 10 }, (_, k) => `neuf ${k};${k === 2 || k === 6 ? 'bad' : k};2024-05-03`);
    writeFileSync(join(dir, 'warned-again.csv'), `nom;n;d\n${newRows.join('\n')}\n`, 'utf8');
    writeFileSync(join(dir, 'warned-again.json'), JSON.stringify({ id: 'cli-warned', metadata: { title: 'Warned' }, source: { path: 'warned-again.csv', format: 'csv' }, fields }), 'utf8');

    test('more rows with warnings than allowed (5 % by default)', async () => {
      expect(await served('cli-warned')).toEqual(oldNames);
      const r = await cli('ingest', join(dir, 'warned-again.json'));
      expect([r.code, r.stdout]).toEqual([1, '']);
      const lines = r.stderr.trimEnd().split('\n');
      expect(lines[0]).toMatch(/^refused: cli-warned: 2 of 10 lines have warnings \(20 %\), more than the 5 % allowed; nothing was published, the previous version keeps serving/);
      expect(lines.slice(1).map((l) => /^ {2}line (\d+) n: \S/.exec(l)?.[1])).toEqual(['4', '8']);
      expect(await served('cli-warned')).toEqual(oldNames);
    });

    test('--max-warning-share raises the limit (a share or a percentage); a bad value is a usage error', async () => {
      const bad = await cli('ingest', join(dir, 'warned-again.json'), '--max-warning-share', '150%');
      expect([bad.code, bad.stderr.split('\n')[0]]).toEqual([2, '--max-warning-share takes a share from 0 to 1 (0.05) or a percentage (5%), not 150%']);
      const tight = await cli('ingest', join(dir, 'warned-again.json'), '--max-warning-share', '0.19');
      expect([tight.code, tight.stderr.split('\n')[0]]).toEqual([1, expect.stringContaining('more than the 19 % allowed')]);
      const r = await cli('ingest', join(dir, 'warned-again.json'), '--max-warning-share', '20%');
      expect([r.code, r.stderr]).toEqual([0, '']);
      expect(await served('cli-warned')).toEqual(newRows.map((l) => l.split(';')[0]).sort());
    });

    test('a source.column the file lacks: the columns of the file and the closest one', async () => {
      writeFileSync(join(dir, 'typo.json'), JSON.stringify({
        id: 'cli-typo', metadata: { title: 'Typo' }, source: { path: 'warned-again.csv', format: 'csv' }, fields: [fields[0], { ...fields[1], source: { column: 'N' } }],
      }), 'utf8');
      const r = await cli('ingest', join(dir, 'typo.json'));
      expect([r.code, r.stderr]).toEqual([1, 'refused: cli-typo: field n: no column "N" in the file (closest: "n"). The file\'s columns: "nom", "n", "d"\n']);
    });

    test('an unknown key, or a bad timezone, in the descriptor', async () => {
      writeFileSync(join(dir, 'unknown-key.json'), JSON.stringify({
        id: 'cli-unknown', metadata: { title: 'U', timezone: 'Europe/Pari' }, source: { path: 'warned-again.csv', format: 'csv' }, fields: [{ ...fields[0], annotation: [] }],
      }), 'utf8');
      const r = await cli('ingest', join(dir, 'unknown-key.json'));
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('metadata.timezone: not a time zone');
      expect(r.stderr).toContain('fields.0.annotation: unknown key (did you mean annotations?)');
    });

    test('while another publish of the dataset runs (a 409): nothing changes', async () => {
      const holder = new Client({ connectionString: urlOf(DB_NAME) });
      await holder.connect();
      try {
        await holder.query('SELECT pg_advisory_lock($1::bigint)', [String(publishLockKey('cli-warned'))]);
        const r = await cli('ingest', join(dir, 'warned.json'), '--max-warning-share', '1');
        expect([r.code, r.stderr]).toEqual([1, 'refused: cli-warned: another publish of this dataset is running; nothing was changed (publish again once it has finished)\n']);
        expect(await served('cli-warned')).toEqual(newRows.map((l) => l.split(';')[0]).sort());
        // A rebuild of that dataset waits for no one either: refused, its alias left where it was; the other dataset is rebuilt.
        const before = await aliasTarget(`${PREFIX}records-cli-warned`);
        const re = await cli('reindex', 'cli-warned', 'cli-items');
        expect([re.code, re.stderr]).toEqual([1, 'refused: cli-warned: a publish or rebuild of this dataset is running; nothing was changed (reindex again once it has finished)\n']);
        expect(re.stdout.trimEnd().split('\n').map((l) => l.split(':')[0])).toEqual(['cli-items', 'catalog']);
        expect(await aliasTarget(`${PREFIX}records-cli-warned`)).toEqual(before);
      } finally {
        await holder.end();
      }
    });

    test('a metadata-only catalog entry is taken over only with --take-over, and then says what its records say', async () => {
      const entry = CATALOG[3];
      writeFileSync(join(dir, 'take-over.json'), JSON.stringify({ id: entry.dataset_id, metadata: { title: 'Taken over' }, source: { path: 'items.json', format: 'json' }, fields: fields.slice(0, 1) }), 'utf8');
      const lookup = async () => (await request(testApp(await cliDeps())).get(`/api/datasets/1.0/${entry.dataset_id}`)).body as { has_records: boolean; metas: Record<string, unknown> };
      const refused = await cli('ingest', join(dir, 'take-over.json'));
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain(`refused: ${entry.dataset_id} is a metadata-only catalog entry (from import-catalog); nothing was changed. Publish with --take-over`);
      expect(await lookup()).toMatchObject({ has_records: false, metas: { title: entry.metas.default.title } });
      const r = await cli('ingest', join(dir, 'take-over.json'), '--take-over');
      expect([r.code, r.stderr]).toEqual([0, '']);
      expect(await lookup()).toMatchObject({ has_records: true, metas: { title: 'Taken over', records_count: ITEMS.length } });
    });
  });
});
