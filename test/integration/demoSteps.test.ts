import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { buildCli, runCli } from '../support/cliProcess';
import { ownDatabase } from '../support/ownDatabase';
import { rawParisCatalog } from '../support/parisCatalog';

/**
 * `npm run demo` is a newcomer's first command. Its publishing steps (the `$cli` lines of
 * scripts/demo.sh, in their order) are run here as the script runs them, on a database that does
 * not exist yet, then on one an earlier demo left (the README says a rerun republishes).
 */
const ROOT = join(__dirname, '..', '..');
const own = ownDatabase('demo');

/** A step's arguments, its shell glob (`fixtures/descriptors/*.json`) expanded as sh does: sorted. */
const expand = (arg: string): string[] => {
  const glob = /^(.*)\/\*(\.\w+)$/.exec(arg);
  if (!glob) return [arg];
  return readdirSync(join(ROOT, glob[1])).filter((f) => f.endsWith(glob[2])).sort().map((f) => `${glob[1]}/${f}`);
};
const STEPS: string[][] = readFileSync(join(ROOT, 'scripts', 'demo.sh'), 'utf8').split('\n')
  .filter((line) => line.startsWith('$cli '))
  .map((line) => line.slice('$cli '.length).trim().split(/\s+/).flatMap(expand));

const descriptorIds = expand('fixtures/descriptors/*.json')
  .map((file) => (JSON.parse(readFileSync(join(ROOT, file), 'utf8')) as { id: string }).id);
const catalogIds = rawParisCatalog().map((e) => e.dataset_id);

/** No database, and no index of this file's prefix. */
async function nothingLeft(): Promise<void> {
  const indices = `${process.env.ES_URL ?? 'http://127.0.0.1:9200'}/${own.prefix}*?ignore_unavailable=true&allow_no_indices=true&expand_wildcards=all`;
  expect((await fetch(indices, { method: 'DELETE' })).status).toBe(200);
  await own.drop();
}

beforeAll(async () => {
  await nothingLeft();
  await buildCli();
}, 300000);
afterAll(nothingLeft);

/** Each step's exit code and the lines it printed about a refusal (none expected). */
async function runSteps(): Promise<{ step: string; code: number; refused: string[] }[]> {
  const results = [];
  for (const args of STEPS) {
    const r = await runCli(args, own.env);
    results.push({ step: args[0], code: r.code, refused: r.stderr.split('\n').filter((l) => /refused|error/i.test(l)) });
  }
  return results;
}

describe('the publishing steps of npm run demo', () => {
  test('the script has steps: the fixtures are published and the Paris catalog imported', () => {
    expect(STEPS.map((s) => s[0]).sort()).toEqual(['import-catalog', 'ingest']);
  });

  const succeeded = () => STEPS.map((s) => ({ step: s[0], code: 0, refused: [] }));

  test('succeed on a fresh database, and again when run a second time', async () => {
    expect(await runSteps()).toEqual(succeeded());
    expect(await runSteps()).toEqual(succeeded());
  }, 600000);

  test('succeed on a database where an earlier demo imported the catalog before the fixtures', async () => {
    // What the demo did before: the fixtures the catalog lists were metadata-only entries when their publish came.
    await nothingLeft();
    expect((await runCli(['import-catalog', 'fixtures/catalog/opendata-paris-catalog.json'], own.env)).code).toBe(0);
    expect(await runSteps()).toEqual(succeeded());
  }, 300000);

  test('leave every fixture dataset with its records, and every catalog entry listed once', async () => {
    const pg = new Client({ connectionString: own.env.DATABASE_URL });
    await pg.connect();
    try {
      const { rows } = await pg.query<{ id: string; has_records: boolean }>('SELECT id, has_records FROM datasets');
      const published = rows.filter((r) => r.has_records).map((r) => r.id).sort();
      expect(published).toEqual([...descriptorIds].sort());
      expect(rows.map((r) => r.id).sort()).toEqual([...new Set([...catalogIds, ...descriptorIds])].sort());
    } finally {
      await pg.end();
    }
  });
});
