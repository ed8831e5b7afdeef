import { once } from 'node:events';
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

const otherProcess = async (): Promise<Client> => {
  const other = new Client({ connectionString: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/portal_search_test' });
  await other.connect();
  return other;
};

/**
 * Each step waits for the directory's own events (a notification heard, the connection lost or
 * back), never for a delay: a write by another process is seen once its announcement arrived.
 */
describe('dataset lookups are cached until a change is announced', () => {
  test('a change made by another process is seen as soon as PostgreSQL announces it', async () => {
    const directory = deps.directory!;
    if (!directory.listening) await once(directory.events, 'listening');
    expect((await directory.lookup('default', 'directory-probe')).dataset?.visibility).toBe('public');
    // Asked again, the answer is the cached one: the same object.
    const cached = (await directory.lookup('default', 'directory-probe')).dataset;
    expect((await directory.lookup('default', 'directory-probe')).dataset).toBe(cached);
    const other = await otherProcess();
    try {
      // A direct write, as another server or the CLI would make it: no in-process invalidation.
      let heard = once(directory.events, 'notification');
      await other.query("UPDATE datasets SET visibility = 'private' WHERE id = 'directory-probe'");
      await heard;
      expect((await directory.lookup('default', 'directory-probe')).dataset?.visibility).toBe('private');
      heard = once(directory.events, 'notification');
      await other.query("INSERT INTO domains (id, title) VALUES ('directory-new', 'New')");
      await heard;
      expect((await directory.lookup('directory-new', 'directory-probe')).domain?.id).toBe('directory-new');
    } finally {
      await other.query("UPDATE datasets SET visibility = 'public' WHERE id = 'directory-probe'");
      await other.end();
    }
  });

  test('after the listening connection is killed, lookups stay correct and listening resumes', async () => {
    const directory = deps.directory!;
    if (!directory.listening) await once(directory.events, 'listening');
    const lost = once(directory.events, 'lost');
    await deps.pool.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE 'LISTEN portal_search_catalog%' AND pid <> pg_backend_pid()");
    await lost;
    const other = await otherProcess();
    try {
      // Nothing was kept when the connection went: this lookup reads PostgreSQL.
      await other.query("UPDATE datasets SET state = 'draft' WHERE id = 'directory-probe'");
      expect((await directory.lookup('default', 'directory-probe')).dataset?.state).toBe('draft');
      if (!directory.listening) await once(directory.events, 'listening');
      const heard = once(directory.events, 'notification');
      await other.query("UPDATE datasets SET state = 'published' WHERE id = 'directory-probe'");
      await heard;
      expect((await directory.lookup('default', 'directory-probe')).dataset?.state).toBe('published');
    } finally {
      await other.query("UPDATE datasets SET state = 'published' WHERE id = 'directory-probe'");
      await other.end();
    }
  });
});
