import { Client } from 'pg';
import type { Deps } from '../../src/execute/deps';
import { publishTinyCsv } from '../support/tinyDataset';
import { openTestDeps } from '../support/testDeps';

let deps: Deps & { close(): Promise<void> };
beforeAll(async () => {
  deps = await openTestDeps();
  await publishTinyCsv(deps, 'directory-probe', [{ name: 'nom', type: 'text' }], [['a']]);
}, 60000);
afterAll(() => deps.close());

async function eventually(check: () => Promise<boolean>, ms = 3000): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 20))) if (await check()) return true;
  return false;
}

describe('dataset lookups are cached until a change is announced', () => {
  test('a change made by another process is seen as soon as PostgreSQL announces it', async () => {
    const directory = deps.directory!;
    expect((await directory.lookup('default', 'directory-probe')).dataset?.visibility).toBe('public');
    const other = new Client({ connectionString: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/portal_search_test' });
    await other.connect();
    try {
      // A direct write, as another server or the CLI would make it: no in-process invalidation.
      await other.query("UPDATE datasets SET visibility = 'private' WHERE id = 'directory-probe'");
      expect(await eventually(async () => (await directory.lookup('default', 'directory-probe')).dataset?.visibility === 'private')).toBe(true);
      await other.query("INSERT INTO domains (id, title) VALUES ('directory-new', 'New')");
      expect(await eventually(async () => (await directory.lookup('directory-new', 'directory-probe')).domain?.id === 'directory-new')).toBe(true);
    } finally {
      await other.query("UPDATE datasets SET visibility = 'public' WHERE id = 'directory-probe'");
      await other.end();
    }
  });

  test('after the listening connection is killed, lookups stay correct and listening resumes', async () => {
    const directory = deps.directory!;
    expect(directory.listening).toBe(true);
    await deps.pool.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE 'LISTEN portal_search_catalog%' AND pid <> pg_backend_pid()");
    expect(await eventually(async () => !directory.listening)).toBe(true);
    const other = new Client({ connectionString: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/portal_search_test' });
    await other.connect();
    try {
      await other.query("UPDATE datasets SET state = 'draft' WHERE id = 'directory-probe'");
      expect((await directory.lookup('default', 'directory-probe')).dataset?.state).toBe('draft');
    } finally {
      await other.query("UPDATE datasets SET state = 'published' WHERE id = 'directory-probe'");
      await other.end();
    }
    expect(await eventually(async () => (await directory.lookup('default', 'directory-probe')).dataset?.state === 'published')).toBe(true);
    expect(await eventually(async () => directory.listening, 8000)).toBe(true);
  });
});
