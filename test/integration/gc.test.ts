import { gcCommand } from '../../src/cli/gcCommand';
import { collectOrphanIndices } from '../../src/execute/collectOrphanIndices';
import type { Deps } from '../../src/execute/deps';
import { openTestDeps } from '../support/testDeps';
import { publishTinyCsv } from '../support/tinyDataset';

let deps: Deps & { close(): Promise<void> };
let prefix: string;
const exists = async (index: string): Promise<boolean> => deps.es.indices.exists({ index });
const versionState = async (index: string): Promise<string[]> =>
  (await deps.pool.query<{ state: string }>('SELECT state FROM index_versions WHERE index_name = $1', [index])).rows.map((r) => r.state);

beforeAll(async () => {
  deps = await openTestDeps();
  prefix = deps.indexPrefix;
  const fields = [{ name: 'name', type: 'text' }];
  await publishTinyCsv(deps, 'gc-kept', fields, [['one']]);
  await publishTinyCsv(deps, 'gc-kept', fields, [['one'], ['two']]);
});
afterAll(() => deps.close());

describe('portal-search gc', () => {
  test('deletes the indices nothing points to, and keeps the live, building and read ones', async () => {
    const orphan = `${prefix}records-gc-orphan-v3`;
    const failed = `${prefix}records-gc-failed-v1`;
    const building = `${prefix}records-gc-building-v1`;
    const read = `${prefix}records-gc-read-v1`;
    const oldCatalog = `${prefix}catalog-v1`;
    const notOurs = `${prefix}other-records-gc-v1`;
    // Other test files of the run may have left orphans of their own under the prefix: only this test's are counted.
    const mine = (index: string): boolean => index.includes('-gc-') || index === oldCatalog;
    for (const index of [orphan, failed, building, read, oldCatalog, notOurs]) await deps.es.indices.create({ index });
    await deps.pool.query("INSERT INTO index_versions (dataset_id, version, index_name, state) VALUES ('gc-failed', 1, $1, 'failed'), ('gc-building', 1, $2, 'building')", [failed, building]);
    const pit = await deps.es.openPointInTime({ index: read, keep_alive: '1m' });
    const live = Object.keys(await deps.es.indices.getAlias({ name: `${prefix}records-gc-kept` }));
    expect(live).toEqual([`${prefix}records-gc-kept-v2`]);

    // Everything was created just now: with the default minimum age, nothing is deleted.
    const young = await collectOrphanIndices(deps, { dryRun: true });
    expect(young.deleted.filter(mine)).toEqual([]);
    expect(young.kept).toEqual(expect.arrayContaining([{ index: orphan, reason: 'created recently' }]));

    const dry = await collectOrphanIndices(deps, { dryRun: true, minAgeMs: 0 });
    expect(dry.deleted.filter(mine).sort()).toEqual([oldCatalog, failed, orphan].sort());
    for (const index of dry.deleted) expect(await exists(index)).toBe(true);

    const report = await collectOrphanIndices(deps, { minAgeMs: 0 });
    expect(report.deleted.filter(mine).sort()).toEqual([oldCatalog, failed, orphan].sort());
    const kept = Object.fromEntries(report.kept.map((k) => [k.index, k.reason]));
    expect(kept[building]).toBe('index version building');
    expect(kept[read]).toBe('an export reads it');
    expect(kept[live[0]]).toBe(`alias ${prefix}records-gc-kept`);
    expect(Object.keys(kept).filter((i) => i.startsWith(`${prefix}catalog-v`)).map((i) => kept[i])).toEqual([`alias ${prefix}catalog`]);
    expect(kept[notOurs]).toBeUndefined();
    for (const index of [orphan, failed, oldCatalog]) expect(await exists(index)).toBe(false);
    for (const index of [building, read, notOurs, live[0]]) expect(await exists(index)).toBe(true);
    expect(await versionState(failed)).toEqual(['deleted']);
    // The first version of gc-kept was retired by the second publish and swept then.
    expect(await versionState(`${prefix}records-gc-kept-v1`)).toEqual(['deleted']);

    // Once the export is done, its index goes too.
    await deps.es.closePointInTime({ id: pit.id });
    expect((await collectOrphanIndices(deps, { minAgeMs: 0 })).deleted).toEqual([read]);
    await deps.es.indices.delete({ index: notOurs });
  });

  test('the command line: usage errors, and a dry run prints what it would delete', async () => {
    const lines: string[] = [];
    const log = jest.spyOn(console, 'log').mockImplementation((line: string) => { lines.push(line); });
    try {
      expect(await gcCommand(deps, ['--min-age-minutes'])).toBe(2);
      expect(await gcCommand(deps, ['--bogus'])).toBe(2);
      const orphan = `${prefix}records-gc-cli-v1`;
      await deps.es.indices.create({ index: orphan });
      expect(await gcCommand(deps, ['--dry-run', '--min-age-minutes', '0'])).toBe(0);
      expect(lines).toContain(`would delete ${orphan}`);
      expect(await exists(orphan)).toBe(true);
      expect(await gcCommand(deps, ['--min-age-minutes', '0'])).toBe(0);
      expect(lines).toContain(`deleted ${orphan}`);
      expect(await exists(orphan)).toBe(false);
    } finally { log.mockRestore(); }
  });
});
