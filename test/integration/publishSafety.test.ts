import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { parseCatalogEntry } from '../../src/catalog/catalogEntry';
import { parseDescriptor } from '../../src/catalog/parseDescriptor';
import type { Deps } from '../../src/execute/deps';
import { publishLockKey } from '../../src/execute/exclusively';
import { recordsIndexBase } from '../../src/schema/indexNames';
import { importCatalog } from '../../src/usecases/importCatalog';
import { publishDataset, PublishOptions } from '../../src/usecases/publishDataset';
import { FIXTURES, rawCsvObjects } from '../support/rawFixtures';
import { rawParisCatalog } from '../support/parisCatalog';
import { testApp } from '../support/recordsApp';
import { openTestDeps } from '../support/testDeps';
import { withoutLastDocument } from '../support/bulkLines';

let deps: Deps & { close(): Promise<void> };
const dir = mkdtempSync(join(tmpdir(), 'portal-search-safety-'));
beforeAll(async () => { deps = await openTestDeps(); });
afterAll(() => deps.close());

/** A CSV of `names`, one row each; rows whose index is in `bad` have a `n` that is not an integer. */
function writeCsv(file: string, names: string[], bad: ReadonlySet<number> = new Set()): void {
  const rows = names.map((name, i) => `${name};${bad.has(i) ? `x${i}` : i};2024-05-0${(i % 9) + 1}`);
  writeFileSync(join(dir, file), `Nom;Année;Jour\n${rows.join('\n')}\n`, 'utf8');
}
const FIELDS = [
  { name: 'nom', label: 'Nom', type: 'text', source: { column: 'Nom' } },
  { name: 'n', label: 'N', type: 'int', source: { column: 'Année' } },
  { name: 'jour', label: 'Jour', type: 'date', source: { column: 'Jour' } },
];
const descriptor = (id: string, file: string, extra: Record<string, unknown> = {}) =>
  parseDescriptor({ id, metadata: { title: id }, source: { path: file, format: file.endsWith('.csv') ? 'csv' : 'json' }, fields: FIELDS, ...extra }, id);
const publish = (id: string, file: string, extra: Record<string, unknown> = {}, options: Partial<PublishOptions> = {}) =>
  publishDataset(deps, descriptor(id, file, extra), { baseDir: dir, ...options });
const refusal = async (work: Promise<unknown>): Promise<{ reason?: string; status?: number; message: string }> => {
  try { await work; } catch (err) { return err as { reason?: string; status?: number; message: string }; }
  throw new Error('the publish was accepted');
};

/** The names the records API serves for a dataset, sorted. */
async function servedNames(id: string): Promise<string[]> {
  const res = await request(testApp(deps)).get('/api/records/1.0/search').query({ dataset: id, rows: 1000 });
  expect(res.status).toBe(200);
  return (res.body as { records: Array<{ fields: { nom: string } }> }).records.map((r) => r.fields.nom).sort();
}
const names = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `${prefix} ${String(i).padStart(2, '0')}`);

describe('a source.column that the file does not have', () => {
  test('is refused before anything is published, with the columns of the file and the closest one', async () => {
    writeCsv('columns.csv', names('col', 3));
    const fields = [FIELDS[0], { ...FIELDS[1], source: { column: 'Annee' } }, FIELDS[2]];
    const err = await refusal(publish('safety-columns', 'columns.csv', { fields }));
    expect([err.reason, err.status]).toEqual(['missing_columns', 422]);
    expect(err.message).toBe('safety-columns: field n: no column "Annee" in the file (closest: "Année"). The file\'s columns: "Nom", "Année", "Jour"');
    expect((await deps.pool.query('SELECT 1 FROM datasets WHERE id = $1', ['safety-columns'])).rowCount).toBe(0);
  });

  test('a field without source whose name and label match no column is refused too', async () => {
    const err = await refusal(publish('safety-columns', 'columns.csv', { fields: [FIELDS[0], { name: 'jours', label: 'Jours', type: 'date' }] }));
    expect(err.message).toContain('field jours: no column "jours" in the file (closest: "Jour")');
  });

  test('in JSON, a property first met after the inference sample is found; one never met refuses the publish and the previous version stays', async () => {
    const items = Array.from({ length: 600 }, (_, i) => ({ Nom: `item ${i}`, Année: i, Jour: '2024-05-01', ...(i === 550 ? { late: 'here' } : {}) }));
    writeFileSync(join(dir, 'late.json'), JSON.stringify(items), 'utf8');
    const withLate = [...FIELDS, { name: 'late', label: 'Late', type: 'text', source: { column: 'late' } }];
    const ok = await publish('safety-late', 'late.json', { fields: withLate });
    expect([ok.published, ok.warningCount]).toEqual([600, 0]);
    const err = await refusal(publish('safety-late', 'late.json', { fields: [...FIELDS, { name: 'never', label: 'Never', type: 'text', source: { column: 'lat' } }] }));
    expect([err.reason, err.message]).toEqual(['missing_columns', expect.stringContaining('field never: no column "lat" in the file (closest: "late")')]);
    const { rows } = await deps.pool.query<{ count: string }>('SELECT count(*) FROM records WHERE dataset_id = $1 AND fields::jsonb ? \'late\'', ['safety-late']);
    expect(rows[0].count).toBe('1');
  });
});

describe('a publish in which too many rows warn', () => {
  const ID = 'safety-share';

  test('is refused (more than 5 % by default), and the previous version keeps serving', async () => {
    writeCsv('good.csv', names('good', 20));
    await publish(ID, 'good.csv');
    expect(await servedNames(ID)).toEqual(names('good', 20));
    const index = (await deps.pool.query<{ index_name: string }>("SELECT index_name FROM index_versions WHERE dataset_id = $1 AND state = 'live'", [ID])).rows;
    // 2 of 20 rows warn: 10 %.
    writeCsv('bad.csv', names('bad', 20), new Set([3, 7]));
    const err = await refusal(publish(ID, 'bad.csv'));
    expect([err.reason, err.status]).toEqual(['too_many_warnings', 422]);
    expect(err.message).toMatch(/^safety-share: 2 of 20 lines have warnings \(10 %\), more than the 5 % allowed; nothing was published/);
    expect(await servedNames(ID)).toEqual(names('good', 20));
    expect((await deps.pool.query<{ index_name: string }>("SELECT index_name FROM index_versions WHERE dataset_id = $1 AND state = 'live'", [ID])).rows).toEqual(index);
    // The version opened for the refused publish, while its rows were read, is gone: its index and its row.
    expect(Object.keys(await deps.es.indices.get({ index: `${recordsIndexBase(deps.indexPrefix, ID)}*` }))).toEqual(index.map((r) => r.index_name));
    expect((await deps.pool.query("SELECT 1 FROM index_versions WHERE dataset_id = $1 AND state = 'building'", [ID])).rowCount).toBe(0);
    const job = await deps.pool.query<{ state: string; error: string }>('SELECT state, error FROM ingest_jobs WHERE dataset_id = $1 ORDER BY id DESC LIMIT 1', [ID]);
    expect(job.rows[0]).toEqual({ state: 'failed', error: err.message });
  });

  test('exactly the threshold passes: one row of 20 is 5 %', async () => {
    writeCsv('one-bad.csv', names('one', 20), new Set([0]));
    const r = await publish(ID, 'one-bad.csv');
    expect([r.published, r.rowsWarned]).toEqual([20, 1]);
    expect(await servedNames(ID)).toEqual(names('one', 20));
  });

  test('the descriptor can raise the threshold, and the publish option overrides the descriptor', async () => {
    await publish(ID, 'bad.csv', { maxWarningShare: 0.1 });
    expect(await servedNames(ID)).toEqual(names('bad', 20));
    writeCsv('worse.csv', names('worse', 20), new Set([1, 2, 3]));
    const err = await refusal(publish(ID, 'worse.csv', { maxWarningShare: 0.5 }, { maxWarningShare: 0.1 }));
    expect(err.message).toContain('3 of 20 lines have warnings (15 %), more than the 10 % allowed');
    expect(await servedNames(ID)).toEqual(names('bad', 20));
    await publish(ID, 'worse.csv', { maxWarningShare: 0 }, { maxWarningShare: 0.2 });
    expect(await servedNames(ID)).toEqual(names('worse', 20));
  });

  test('items a reader could not read count as warned rows (a JSON array with a non-object)', async () => {
    writeFileSync(join(dir, 'items.json'), JSON.stringify([...Array.from({ length: 9 }, (_, i) => ({ Nom: `i${i}`, Année: i, Jour: '2024-01-01' })), 42]), 'utf8');
    const err = await refusal(publish('safety-items', 'items.json'));
    expect(err.message).toMatch(/^safety-items: 1 of 10 items have warnings \(10 %\)/);
  });
});

describe('two publishes of one dataset', () => {
  const ID = 'safety-lock';

  test('while one runs, the other is refused (409) without changing anything', async () => {
    writeCsv('lock-a.csv', names('a', 5));
    writeCsv('lock-b.csv', names('b', 5));
    writeCsv('lock-c.csv', names('c', 5));
    await publish(ID, 'lock-a.csv');
    // Hold the dataset's row so that the next publish stops inside its transaction, holding its lock.
    const holder = await deps.pool.connect();
    let first: Promise<unknown> | undefined;
    try {
      await holder.query('BEGIN');
      await holder.query('SELECT 1 FROM datasets WHERE id = $1 FOR UPDATE', [ID]);
      first = publish(ID, 'lock-b.csv');
      const key = publishLockKey(ID);
      // State, not time: wait until the first publish holds the dataset's advisory lock.
      for (;;) {
        const { rows } = await holder.query<{ held: boolean }>(
          `SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND granted AND objsubid = 1
             AND ((classid::bigint << 32) | objid::bigint) = $1::bigint) AS held`, [String(key)],
        );
        if (rows[0].held) break;
      }
      const err = await refusal(publish(ID, 'lock-c.csv'));
      expect([err.reason, err.status, err.message]).toEqual(['busy', 409, 'safety-lock: another publish of this dataset is running; nothing was changed (publish again once it has finished)']);
      expect(await servedNames(ID)).toEqual(names('a', 5));
    } finally {
      await holder.query('COMMIT');
      holder.release();
    }
    await first;
    expect(await servedNames(ID)).toEqual(names('b', 5));
    // Once it is over, the next publish runs.
    await publish(ID, 'lock-c.csv');
    expect(await servedNames(ID)).toEqual(names('c', 5));
  });
});

describe('publishing over a metadata-only catalog entry', () => {
  const ID = 'safety-takeover';
  const chantiers = JSON.parse(readFileSync(join(FIXTURES, 'descriptors', 'chantiers-perturbants.json'), 'utf8')) as { source: { path: string } };
  const takeOverDescriptor = () => parseDescriptor({ ...chantiers, id: ID, source: { ...chantiers.source, path: join(FIXTURES, 'descriptors', chantiers.source.path) } }, ID);
  const clock = () => new Date('2026-03-04T05:06:07.000Z');
  const metas = async () => {
    const res = await request(testApp(deps)).get(`/api/datasets/1.0/${ID}`);
    expect(res.status).toBe(200);
    return res.body as { has_records: boolean; metas: Record<string, unknown> };
  };

  beforeAll(async () => {
    // The catalog's own entry for chantiers-perturbants, under another id and with facts that no longer hold.
    const raw = rawParisCatalog().find((e) => e.dataset_id === 'chantiers-perturbants')! as unknown as { dataset_id: string; has_records: boolean; metas: { default: Record<string, unknown> } };
    const stale = {
      ...raw, dataset_id: ID, has_records: false,
      metas: { ...raw.metas, default: {
        ...raw.metas.default, modified: '2001-02-03T04:05:06+00:00', records_count: 999_999, geometry_types: ['LineString'],
        bbox: { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[[1, 1], [0, 1], [0, 0], [1, 0], [1, 1]]] } },
      } },
    };
    await importCatalog(deps, [parseCatalogEntry(stale, 0)], 'default');
  });

  test('without takeOver it is refused, and the entry stays as it was', async () => {
    const err = await refusal(publishDataset(deps, takeOverDescriptor(), { baseDir: dir, clock }));
    expect([err.reason, err.status]).toEqual(['take_over_needed', 409]);
    expect(err.message).toContain('safety-takeover is a metadata-only catalog entry');
    expect(err.message).toContain('--take-over');
    const before = await metas();
    expect([before.has_records, before.metas.records_count, before.metas.modified]).toEqual([false, 999_999, '2001-02-03T04:05:06+00:00']);
  });

  test('with takeOver, the records are published and the facts they decide are recomputed', async () => {
    const r = await publishDataset(deps, takeOverDescriptor(), { baseDir: dir, clock, takeOver: true });
    // Independent: the raw CSV's rows, and the box and types of their geo_shape cells.
    const raw = rawCsvObjects('chantiers-perturbants.csv');
    const shapes = raw.map((row) => JSON.parse(row.geo_shape) as { type: string; coordinates: unknown });
    const positions = (c: unknown): number[][] => (typeof (c as unknown[])[0] === 'number' ? [c as number[]] : (c as unknown[]).flatMap(positions));
    const all = shapes.flatMap((s) => positions(s.coordinates));
    const [w, e] = [Math.min(...all.map((p) => p[0])), Math.max(...all.map((p) => p[0]))];
    const [s, n] = [Math.min(...all.map((p) => p[1])), Math.max(...all.map((p) => p[1]))];
    expect(r.published).toBe(raw.length);
    const after = await metas();
    expect(after.has_records).toBe(true);
    expect(after.metas).toMatchObject({
      records_count: raw.length, modified: '2026-03-04T05:06:07.000Z',
      geometry_types: [...new Set(shapes.map((x) => x.type))].sort(),
      bbox: { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[[e, n], [w, n], [w, s], [e, s], [e, n]]] } },
    });
    // What the catalog says besides those facts stays.
    expect(after.metas.territory).toEqual(rawParisCatalog().find((x) => x.dataset_id === 'chantiers-perturbants')!.metas.default.territory);
  });

  test('once taken over, it is a dataset like the others: republished without takeOver, its facts follow the records', async () => {
    const later = () => new Date('2026-04-01T00:00:00.000Z');
    const r = await publishDataset(deps, takeOverDescriptor(), { baseDir: dir, clock: later });
    expect(r.published).toBeGreaterThan(0);
    expect((await metas()).metas.modified).toBe('2026-04-01T00:00:00.000Z');
  });
});

describe('indexing while writing', () => {
  test('a version loaded beside the write that lost a document is dropped, and the publish indexes every record from PostgreSQL', async () => {
    const names = Array.from({ length: 30 }, (_v, i) => `lost-${String(i).padStart(2, '0')}`);
    writeCsv('lost.csv', names);
    // The first bulk request reaches Elasticsearch without its last document; later ones are whole.
    let dropped = false;
    const es = Object.create(deps.es) as Deps['es'];
    es.bulk = ((params: { operations: unknown[] }, options?: object) => {
      const operations = dropped ? params.operations : withoutLastDocument(params.operations);
      dropped = true;
      return deps.es.bulk({ ...params, operations }, options);
    }) as unknown as Deps['es']['bulk'];
    const report = await publishDataset({ ...deps, es }, descriptor('safety-lost', 'lost.csv'), { baseDir: dir });
    expect([dropped, report.published]).toEqual([true, names.length]);
    expect(await servedNames('safety-lost')).toEqual(names);
    const versions = await deps.pool.query<{ state: string }>("SELECT state FROM index_versions WHERE dataset_id = 'safety-lost' ORDER BY version");
    expect(versions.rows.map((r) => r.state)).toEqual(['failed', 'live']);
  });

  test('a PostgreSQL write that fails while the next batch is read fails the publish; nothing changes and the previous version keeps serving', async () => {
    const ID = 'safety-pgfail';
    writeCsv('pgfail-good.csv', names('good', 20));
    await publish(ID, 'pgfail-good.csv');
    const live = async () => (await deps.pool.query<{ index_name: string }>("SELECT index_name FROM index_versions WHERE dataset_id = $1 AND state IN ('live', 'building')", [ID])).rows;
    const before = await live();
    // PostgreSQL itself refuses the second batch of 1,000 rows (a trigger of this test), while the publish reads the third.
    await deps.pool.query(`CREATE OR REPLACE FUNCTION safety_refuse_late() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
      IF NEW.dataset_id = '${ID}' AND NEW.source_line > 1500 THEN RAISE EXCEPTION 'refused by the test at line %', NEW.source_line; END IF;
      RETURN NEW; END $$`);
    await deps.pool.query('CREATE OR REPLACE TRIGGER safety_refuse_late BEFORE INSERT ON records FOR EACH ROW EXECUTE FUNCTION safety_refuse_late()');
    try {
      writeCsv('pgfail-big.csv', names('big', 3500));
      const err = await refusal(publish(ID, 'pgfail-big.csv'));
      expect(err.message).toMatch(/^refused by the test at line \d+$/);
    } finally {
      await deps.pool.query('DROP TRIGGER safety_refuse_late ON records');
    }
    expect(await servedNames(ID)).toEqual(names('good', 20));
    expect(await live()).toEqual(before);
    expect(Number((await deps.pool.query('SELECT count(*) AS n FROM records WHERE dataset_id = $1', [ID])).rows[0].n)).toBe(20);
  });
});
