import type { Deps } from '../../src/execute/deps';
import { compactWhenPrunable } from '../../src/execute/compactIndex';
import { compactLiveIndices } from '../../src/execute/compactLiveIndices';
import { aliasTargets, LOADING_SEGMENTS_PER_TIER, SEGMENTS_PER_TIER } from '../../src/execute/versionedIndex';
import { MAX_BATCH_RECORDS } from '../../src/usecases/loadingVersion';
import { recordsAlias } from '../../src/schema/indexNames';
import { openTestDeps } from '../support/testDeps';
import { publishTinyCsv } from '../support/tinyDataset';

let deps: Deps & { close(): Promise<void> };
beforeAll(async () => { deps = await openTestDeps(); });
afterAll(() => deps.close());

/** The bytes of each stored field of an index, from Elasticsearch's own disk usage analysis. */
async function storedBytes(index: string): Promise<Record<string, number>> {
  const usage = await deps.es.indices.diskUsage({ index, run_expensive_tasks: true }) as unknown as Record<string, { fields?: Record<string, { stored_fields_in_bytes?: number }> }>;
  return Object.fromEntries(Object.entries(usage[index]?.fields ?? {}).map(([name, f]) => [name, f.stored_fields_in_bytes ?? 0]));
}
const segments = async (index: string): Promise<number> => (await deps.es.cat.segments({ index, format: 'json' })).length;
const mergeSetting = async (index: string): Promise<string | undefined> =>
  (await deps.es.indices.getSettings({ index, flat_settings: true }))[index]?.settings?.[SEGMENTS_PER_TIER] as string | undefined;

describe('compactLiveIndices and compactWhenPrunable: live versions merged once Elasticsearch may drop their recovery source', () => {
  test('an unmerged live version is found and merged: the copy kept to replay operations is gone, the records are the same, and the next sweep leaves it', async () => {
    const id = 'compact-me';
    // More records than one bulk request holds: the version is loaded in two batches at least.
    const rows = Array.from({ length: MAX_BATCH_RECORDS + 500 }, (_, i) => [`nom ${i} ${'x'.repeat(i % 50)}`, String(i)]);
    await publishTinyCsv(deps, id, [{ name: 'nom', type: 'text' }, { name: 'n', type: 'int' }], rows);
    const [index] = await aliasTargets(deps.es, recordsAlias(deps.indexPrefix, id));
    // Loaded, swapped in, not merged yet: merges were held back while it loaded. (Its recovery source
    // is not measured here: the disk usage analysis flushes the index, which would do for the merge
    // what compactWhenPrunable must do itself.)
    expect(await segments(index)).toBeGreaterThan(1);
    expect(await mergeSetting(index)).toBe(String(LOADING_SEGMENTS_PER_TIER));
    // The sweep of a server's start: every live version of this prefix, the shared test ones too.
    expect(await compactLiveIndices(deps, 120_000, 500)).toContain(index);
    for (let i = 0; i < 120 && (await segments(index)) > 1; i++) await new Promise((r) => setTimeout(r, 500));
    expect(await segments(index)).toBe(1);
    expect((await storedBytes(index))._recovery_source ?? 0).toBe(0);
    expect((await deps.es.count({ index })).count).toBe(rows.length);
    const sorted = await deps.es.search<{ fields: { n: number } }>({ index, size: 3, sort: [{ 'v.n': 'desc' }], query: { match_all: {} } });
    expect(sorted.hits.hits.map((h) => h._source?.fields.n)).toEqual([rows.length - 1, rows.length - 2, rows.length - 3]);
    expect(await mergeSetting(index)).toBeUndefined();
    expect(await compactLiveIndices(deps, 120_000, 500)).not.toContain(index);
  }, 600_000);

  // Before each batch held its last record back, both of these were one segment at the swap, which a
  // forced merge into one segment leaves as it is: they kept their recovery source for good.
  test.each([['in a single batch', 300], ['in a whole number of batches', MAX_BATCH_RECORDS], ['in several batches and a remainder', 2 * MAX_BATCH_RECORDS + 500]])('a version loaded %s (%i records) is two segments at its swap, and its merge drops the recovery source', async (_, n) => {
    const id = `compact-batches-${n}`;
    const rows = Array.from({ length: n }, (_, i) => [`nom ${i}`, String(i)]);
    await publishTinyCsv(deps, id, [{ name: 'nom', type: 'text' }, { name: 'n', type: 'int' }], rows);
    const [index] = await aliasTargets(deps.es, recordsAlias(deps.indexPrefix, id));
    expect(await segments(index)).toBeGreaterThan(1);
    expect(await compactWhenPrunable(deps.es, index, 120_000, 500)).toBe(true);
    for (let i = 0; i < 120 && (await segments(index)) > 1; i++) await new Promise((r) => setTimeout(r, 500));
    expect(await segments(index)).toBe(1);
    expect((await storedBytes(index))._recovery_source ?? 0).toBe(0);
    expect((await deps.es.count({ index })).count).toBe(n);
  }, 300_000);

  test('an index that does not exist: false, without an error', async () => {
    await expect(compactWhenPrunable(deps.es, 'lead-records-no-such-index-v1', 5_000, 100)).resolves.toBe(false);
  });
});
