import { Client as EsClient } from '@elastic/elasticsearch';
import { Client } from 'pg';

/** A clean slate for the run: the test database is recreated and the test indices dropped. */
export default async function globalSetup(): Promise<void> {
  const url = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/portal_search_test');
  const name = url.pathname.slice(1);
  if (!/^portal_search_test[a-z0-9_]*$/.test(name)) throw new Error(`refusing to reset a database not named portal_search_test*: ${name}`);
  url.pathname = '/postgres';
  const pg = new Client({ connectionString: url.toString() });
  await pg.connect();
  await pg.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await pg.query(`CREATE DATABASE "${name}"`);
  await pg.end();
  const prefix = process.env.ES_INDEX_PREFIX ?? 'test-';
  if (!prefix) throw new Error('ES_INDEX_PREFIX must be set for tests');
  const es = new EsClient({ nodes: (process.env.ES_URL ?? 'http://127.0.0.1:9200').split(',') });
  await es.indices.delete({ index: `${prefix}*`, ignore_unavailable: true, allow_no_indices: true, expand_wildcards: 'all' });
  await es.close();
}
