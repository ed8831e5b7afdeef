import { Client } from 'pg';

/**
 * A database (and index prefix) of a test file's own, beside the suite's: for CLI runs that must
 * create their database themselves. `suffix` names both (`<test db>_<suffix>`, `<prefix><suffix>-`).
 */
export function ownDatabase(suffix: string) {
  const base = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/portal_search_test');
  const name = `${base.pathname.slice(1)}_${suffix}`;
  const urlOf = (db: string): string => { const u = new URL(base.toString()); u.pathname = `/${db}`; return u.toString(); };
  const prefix = `${process.env.ES_INDEX_PREFIX || 'test-'}${suffix.replace(/_/g, '')}-`;
  /** Runs `work` on a connection to the server's `postgres` database. */
  const admin = async <T>(work: (pg: Client) => Promise<T>): Promise<T> => {
    const pg = new Client({ connectionString: urlOf('postgres') });
    await pg.connect();
    try { return await work(pg); } finally { await pg.end(); }
  };
  return {
    name, prefix, urlOf, admin,
    env: { DATABASE_URL: urlOf(name), ES_INDEX_PREFIX: prefix },
    exists: (db = name) => admin(async (pg) => (await pg.query('SELECT 1 FROM pg_database WHERE datname = $1', [db])).rowCount === 1),
    drop: (...dbs: string[]) => admin(async (pg) => { for (const db of dbs.length > 0 ? dbs : [name]) await pg.query(`DROP DATABASE IF EXISTS "${db}" WITH (FORCE)`); }),
  };
}
