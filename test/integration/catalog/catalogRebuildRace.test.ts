import type { QueryResult } from 'pg';
import { rebuildCatalogIndex, refreshCatalogEntry } from '../../../src/execute/catalogIndex';
import { removeDatasetRows, updateDatasetHeader } from '../../../src/execute/datasetAdmin';
import { upsertDataset } from '../../../src/execute/datasetStore';
import type { Deps } from '../../../src/execute/deps';
import { catalogAlias } from '../../../src/schema/indexNames';
import { openTestDeps } from '../../support/testDeps';

/**
 * A catalog rebuild reads PostgreSQL a page at a time, and a dataset can change between the read
 * of its page and the alias swap. Its own entry update then goes to the index being replaced. The
 * rebuild must still end with every entry as PostgreSQL has it: a dataset created meanwhile is
 * listed, a changed one shows its change, a deleted one is gone.
 */
let deps: Deps & { close(): Promise<void> };
// CREATED sorts before CHANGED: created once CHANGED's page is read, it is in no page the rebuild
// reads after it, wherever the pages' bounds fall among the other tests' datasets.
const DELETED = 'race-a-deleted', CHANGED = 'race-b-changed', CREATED = 'race-0-created';
const header = (id: string, title: string) => ({ id, domain: 'default', metadata: { title }, visibility: 'public' as const, state: 'published' as const });

beforeAll(async () => {
  deps = await openTestDeps();
  for (const id of [DELETED, CHANGED, CREATED]) await removeDatasetRows(deps.pool, id);
  await upsertDataset(deps.pool, header(DELETED, 'To be deleted'));
  await upsertDataset(deps.pool, header(CHANGED, 'Title before'));
  for (const id of [DELETED, CHANGED, CREATED]) await refreshCatalogEntry(deps, id);
}, 120000);
afterAll(async () => {
  for (const id of [DELETED, CHANGED, CREATED]) {
    await removeDatasetRows(deps.pool, id);
    await refreshCatalogEntry(deps, id);
  }
  await deps.close();
});

/** The pages of whole dataset rows the rebuild reads, by the ids each holds. */
const isDatasetPage = (sql: unknown) => typeof sql === 'string' && /^SELECT \* FROM datasets\b.*ORDER BY id LIMIT/s.test(sql);

/**
 * `deps` whose PostgreSQL, right after answering the page that holds CHANGED, makes three changes
 * the way the API makes them (row written, then the entry updated through the alias), and which
 * records every page's ids and the title it read for CHANGED.
 */
function changingDuringPages(pages: string[][], seenTitles: string[]): Deps {
  const pool = Object.create(deps.pool) as Deps['pool'];
  let changed = false;
  pool.query = (async (...args: Parameters<Deps['pool']['query']>) => {
    const res = await (deps.pool.query as (...a: unknown[]) => Promise<QueryResult>)(...args);
    if (!isDatasetPage(args[0])) return res;
    const rows = res.rows as Array<{ id: string; metadata: { title: string } }>;
    pages.push(rows.map((r) => r.id));
    const mine = rows.find((r) => r.id === CHANGED);
    if (mine && !changed) {
      changed = true;
      seenTitles.push(mine.metadata.title);
      await updateDatasetHeader(deps.pool, CHANGED, { metadata: { title: 'Title after' } });
      await refreshCatalogEntry(deps, CHANGED);
      await upsertDataset(deps.pool, header(CREATED, 'Created during the rebuild'));
      await refreshCatalogEntry(deps, CREATED);
      await removeDatasetRows(deps.pool, DELETED);
      await refreshCatalogEntry(deps, DELETED);
    }
    return res;
  }) as Deps['pool']['query'];
  return { ...deps, pool };
}

/**
 * `deps` whose PostgreSQL runs `change` once, right after it answers the catch-up's read of
 * CHANGED (the row with its version): what a publish committing at that moment would do.
 */
function changingDuringCatchUp(base: Deps, change: () => Promise<void>): Deps {
  const pool = Object.create(base.pool) as Deps['pool'];
  let done = false;
  pool.query = (async (...args: Parameters<Deps['pool']['query']>) => {
    const res = await (base.pool.query as (...a: unknown[]) => Promise<QueryResult>)(...args);
    const [sql, params] = args as unknown as [unknown, unknown[] | undefined];
    if (!done && typeof sql === 'string' && sql.includes('AS row_version') && params?.[0] === CHANGED) {
      done = true;
      await change();
    }
    return res;
  }) as Deps['pool']['query'];
  return { ...base, pool };
}

test('entries changed between the read of their page and the swap end up as PostgreSQL has them', async () => {
  const pages: string[][] = [], seenTitles: string[] = [];
  const { count } = await rebuildCatalogIndex(changingDuringPages(pages, seenTitles));

  // The race took place: the rebuild read CHANGED's old title and DELETED's row, and no later page read CREATED.
  expect(seenTitles).toEqual(['Title before']);
  const pageOf = (id: string) => pages.findIndex((p) => p.includes(id));
  expect(pageOf(DELETED)).toBeGreaterThanOrEqual(0);
  expect(pageOf(CREATED)).toBe(-1);

  const alias = catalogAlias(deps.indexPrefix);
  const entry = async (id: string) => (await deps.es.get<{ dataset: { metas: { title: string } } }>({ index: alias, id }, { ignore: [404] }));
  expect((await entry(CHANGED))._source?.dataset.metas.title).toBe('Title after');
  expect((await entry(CREATED))._source?.dataset.metas.title).toBe('Created during the rebuild');
  expect((await entry(DELETED)).found).toBe(false);

  // Searchable at once, and the count is that of PostgreSQL's datasets.
  const ids = async (id: string) => (await deps.es.search({ index: alias, query: { term: { datasetid: id } }, _source: false, size: 10 })).hits.hits.map((h) => h._id);
  expect(await ids(CREATED)).toEqual([CREATED]);
  expect(await ids(DELETED)).toEqual([]);
  const { rows } = await deps.pool.query<{ n: string }>('SELECT count(*) AS n FROM datasets');
  expect(count).toBe(Number(rows[0].n));
}, 120000);

test('an entry changed while the catch-up writes it ends up as its newest row, not as the row the catch-up read', async () => {
  // The rebuild reads CHANGED's page, then CHANGED changes (so the catch-up rewrites it), then changes again while the catch-up writes it.
  await upsertDataset(deps.pool, header(CHANGED, 'Title before'));
  await refreshCatalogEntry(deps, CHANGED);
  const pages: string[][] = [], seenTitles: string[] = [];
  const during = changingDuringCatchUp(changingDuringPages(pages, seenTitles), async () => {
    await updateDatasetHeader(deps.pool, CHANGED, { metadata: { title: 'Title latest' } });
    await refreshCatalogEntry(deps, CHANGED);
  });
  await rebuildCatalogIndex(during);
  expect(seenTitles).toEqual(['Title before']);
  const entry = await deps.es.get<{ dataset: { metas: { title: string } } }>({ index: catalogAlias(deps.indexPrefix), id: CHANGED });
  expect(entry._source?.dataset.metas.title).toBe('Title latest');
}, 120000);
