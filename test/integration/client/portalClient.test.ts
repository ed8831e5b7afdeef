import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { createApiKey } from '../../../src/execute/apiKeyStore';
import type { Deps } from '../../../src/execute/deps';
import { createJob } from '../../../src/execute/jobStore';
import { createApp } from '../../../src/http/app';
import { openapiDocument } from '../../../src/http/openapi/openapiDocument';
import { PortalClient, PortalSearchError, type JobEvent, type OdsRecord } from '../../../packages/client/src';
import { ensureFixture, fixtureDescriptor } from '../../support/ingestFixture';
import { FIXTURES, rawCsvObjects } from '../../support/rawFixtures';
import { openTestDeps } from '../../support/testDeps';

/**
 * The typed client (packages/client) against the real server on a real port: a search with a
 * facet and a refine, the catalog, downloads streamed in three formats, an upload followed through
 * its Server-Sent Events, a cancel, and errors as PortalSearchError. Every expected count comes
 * from the raw fixture files, read by test/support/rawFixtures.ts.
 */
const LIEUX = 'lieux-de-tournage-a-paris';
const VELIB = join(FIXTURES, 'data', 'velib-emplacement-des-stations.csv');
const RAW_LIEUX = rawCsvObjects(`${LIEUX}.csv`);
const RAW_VELIB = rawCsvObjects('velib-emplacement-des-stations.csv');
const schemas = (openapiDocument('test') as { components: { schemas: Record<string, { properties: object }> } }).components.schemas;

interface LieuFields { id_lieu: string; annee_tournage: number; type_tournage: string; nom_tournage: string; date_debut: string }

let deps: Deps & { close(): Promise<void> };
let server: Server;
let uploads: string;
let anonymous: PortalClient;
let writer: PortalClient;

beforeAll(async () => {
  deps = await openTestDeps();
  await ensureFixture(deps, LIEUX);
  uploads = mkdtempSync(join(tmpdir(), 'portal-search-client-'));
  // Small export pages: a download of lieux-de-tournage reads many pages from its snapshot.
  const app = createApp(deps, pino({ level: 'silent' }), { uploads: { dir: uploads, maxBytes: 64 * 1024 * 1024 }, exportPageSize: 500 });
  server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  anonymous = new PortalClient({ baseUrl });
  writer = new PortalClient({ baseUrl, apiKey: (await createApiKey(deps.pool, 'default', 'client', 'write')).key });
}, 300_000);
afterAll(async () => {
  server.close();
  await deps.close();
  rmSync(uploads, { recursive: true, force: true });
});

const countBy = <T>(rows: T[], key: (r: T) => string): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const r of rows) out[key(r)] = (out[key(r)] ?? 0) + 1;
  return out;
};
const rows2019 = RAW_LIEUX.filter((r) => r['Année du tournage'] === '2019');

describe('records and catalog search', () => {
  test('a facet and a refine: the total and each value\'s count are the raw file\'s', async () => {
    const page = await anonymous.searchRecords<LieuFields>({ dataset: LIEUX, facet: 'type_tournage', refine: { annee_tournage: '2019' }, rows: 3 });
    expect(page.nhits).toBe(rows2019.length);
    const group = page.facet_groups?.find((g) => g.name === 'type_tournage');
    const counts = Object.fromEntries((group?.facets ?? []).map((f) => [f.name, f.count]));
    expect(counts).toEqual(countBy(rows2019.filter((r) => r['Type de tournage'] !== ''), (r) => r['Type de tournage']));
    // The records are typed by the fields given; a refined year is every record's year.
    expect(page.records.map((r) => [r.datasetid, r.fields.annee_tournage])).toEqual([[LIEUX, 2019], [LIEUX, 2019], [LIEUX, 2019]]);
  });

  test('q, sort and paging: two pages are the first four matches by start date', async () => {
    const q = 'annee_tournage=2019';
    const [first, second] = await Promise.all([0, 2].map((start) => anonymous.searchRecords<LieuFields>({ dataset: LIEUX, q, rows: 2, start, sort: '-date_debut' })));
    const records = [...first.records, ...second.records];
    const ids2019 = new Set(rows2019.map((r) => r['Identifiant du lieu']));
    expect([first.nhits, new Set(records.map((r) => r.recordid)).size, records.every((r) => ids2019.has(r.fields.id_lieu))]).toEqual([rows2019.length, 4, true]);
    // ODS's `-field` is ascending: the four earliest start dates of the raw rows (ties whichever way).
    expect(records.map((r) => r.fields.date_debut)).toEqual(rows2019.map((r) => r['Date de début']).sort().slice(0, 4));
  });

  test('the catalog finds the dataset, with its descriptor\'s title', async () => {
    const { metadata } = fixtureDescriptor(LIEUX);
    const page = await anonymous.searchCatalog({ q: '"Lieux de tournage"', rows: 10 });
    const found = page.datasets.find((d) => d.datasetid === LIEUX);
    expect([page.nhits >= 1, found?.metas.title]).toEqual([true, metadata.title]);
    expect((await anonymous.searchCatalog({ q: 'zzqxjnothingmatches' })).nhits).toBe(0);
  });
});

describe('downloads, streamed', () => {
  test('ndjson: every raw row, each record once', async () => {
    const ids = new Set<string>();
    let count = 0;
    for await (const record of anonymous.download({ dataset: LIEUX })) { count++; ids.add(record.recordid); }
    expect([count, ids.size]).toEqual([RAW_LIEUX.length, RAW_LIEUX.length]);
  });

  test('json with a refine: the raw rows of that year, read item by item', async () => {
    const years = new Set<number>();
    let count = 0;
    for await (const record of anonymous.download<LieuFields>({ dataset: LIEUX, refine: { annee_tournage: '2019' } }, { format: 'json' })) { count++; years.add(record.fields.annee_tournage); }
    expect([count, [...years]]).toEqual([rows2019.length, [2019]]);
  });

  test('csv: text chunks whose lines are the raw ids; a reader may stop early', async () => {
    let text = '';
    for await (const chunk of anonymous.downloadCsv({ dataset: LIEUX, refine: { annee_tournage: '2019' }, fields: ['id_lieu'] })) text += chunk;
    const [header, ...lines] = text.split(/\r?\n/).filter((l) => l !== '');
    expect([header, lines.sort()]).toEqual(['id_lieu', rows2019.map((r) => r['Identifiant du lieu']).sort()]);
    const firstTen: OdsRecord[] = [];
    for await (const record of anonymous.download({ dataset: LIEUX })) { firstTen.push(record); if (firstTen.length === 10) break; }
    expect(firstTen).toHaveLength(10);
  });
});

describe('the management API', () => {
  test('an upload followed through its events to COMPLETED with the raw row count; then the dataset, its jobs and its records', async () => {
    const started = await writer.management.createDataset({ path: VELIB }, { id: 'client-velib', title: 'Vélib through the client' });
    expect([started.dataset_id, started.filename, ['PENDING', 'RUNNING']]).toEqual(['client-velib', 'velib-emplacement-des-stations.csv', expect.arrayContaining([started.status])]);
    const events: JobEvent[] = [];
    for await (const event of writer.management.followJob(started.id)) events.push(event);
    const last = events[events.length - 1];
    expect([last.event, last.job.status, last.job.rows_read, last.job.rows_indexed]).toEqual(['end', 'COMPLETED', RAW_VELIB.length, RAW_VELIB.length]);
    expect(events.slice(0, -1).every((e) => e.event === 'progress')).toBe(true);
    // What the server sends is what the document (and so the client's type) says: the same keys.
    expect(Object.keys(last.job).sort()).toEqual(Object.keys(schemas.Job.properties).sort());

    const job = await writer.management.getJob(started.id);
    expect([job.status, job.rows_published]).toEqual(['COMPLETED', RAW_VELIB.length]);
    const dataset = await writer.management.getDataset('client-velib');
    expect([dataset.status, dataset.records_count, dataset.title, dataset.last_job?.id]).toEqual(['ready', RAW_VELIB.length, 'Vélib through the client', started.id]);
    expect(Object.keys(dataset).sort()).toEqual(Object.keys(schemas.ManagedDataset.properties).sort());
    const list = await writer.management.listDatasets({ limit: 1000 });
    expect(list.datasets.map((d) => d.id)).toContain('client-velib');
    const jobs = await writer.management.listJobs({ dataset: 'client-velib' });
    expect([jobs.total, jobs.jobs.map((j) => j.id)]).toEqual([1, [started.id]]);
    expect((await writer.searchRecords({ dataset: 'client-velib', rows: 0 })).nhits).toBe(RAW_VELIB.length);
    // waitForJob on an ended job: its final state at once.
    expect((await writer.management.waitForJob(started.id)).status).toBe('COMPLETED');
  });

  test('a pending job cancelled: CANCELLED, its events end at once, and a second cancel is a 409 problem', async () => {
    const pending = await createJob(deps.pool, 'client-never', 'default', { descriptor: { ...fixtureDescriptor(LIEUX), id: 'client-never' } });
    expect((await writer.management.cancelJob(pending.id)).status).toBe('CANCELLED');
    const events: JobEvent[] = [];
    for await (const event of writer.management.followJob(pending.id)) events.push(event);
    expect(events.map((e) => [e.event, e.job.status])).toEqual([['progress', 'CANCELLED'], ['end', 'CANCELLED']]);
    const again = await writer.management.cancelJob(pending.id).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(PortalSearchError);
    expect([(again as PortalSearchError).status, (again as PortalSearchError).problem?.status]).toEqual([409, 409]);
  });
});

describe('errors', () => {
  test('a bad q is a PortalSearchError: 400, the ODS body, and the parameter named', async () => {
    const error = await anonymous.searchRecords({ dataset: LIEUX, q: 'annee_tournage>=(' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PortalSearchError);
    const e = error as PortalSearchError;
    expect([e.status, e.parameter, e.ods?.parameter, typeof e.ods?.errorcode, typeof e.ods?.error]).toEqual([400, 'q', 'q', 'number', 'string']);
    expect(e.message).toContain(e.ods?.error);
  });

  test('the same error from a download, at its first read', async () => {
    const iterate = async (): Promise<void> => { for await (const record of anonymous.download({ dataset: LIEUX, q: 'annee_tournage>=(' })) throw new Error(`no record expected: ${record.recordid}`); };
    await expect(iterate()).rejects.toMatchObject({ name: 'PortalSearchError', status: 400, parameter: 'q' });
  });

  test('the management API: no key is a 401 problem, an unknown dataset a 404 one', async () => {
    await expect(anonymous.management.listDatasets()).rejects.toMatchObject({ status: 401, body: { status: 401, type: expect.stringContaining('unauthorized') } });
    await expect(writer.management.getDataset('client-no-such')).rejects.toMatchObject({ status: 404, body: { status: 404, title: expect.any(String) } });
  });
});
