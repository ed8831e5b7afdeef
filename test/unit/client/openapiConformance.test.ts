import { openapiDocument } from '../../../src/http/openapi/openapiDocument';
import { PortalClient } from '../../../packages/client/src/portalClient';
import type { OdsErrorBody, ProblemBody } from '../../../packages/client/src/errorBodies';
import type { DatasetStatus, Job, JobList, JobPhase, JobStatus, JobWarning, ManagedDataset, ManagedDatasetList } from '../../../packages/client/src/managementTypes';
import type { CatalogDataset, CatalogPage, Facet, FacetGroup, OdsRecord, RecordsPage } from '../../../packages/client/src/recordTypes';
import { ROUTES, type RouteName } from '../../../packages/client/src/routes';
import type { UploadFields } from '../../../packages/client/src/uploadForm';

/**
 * The client's hand-written types and its requests, checked against the OpenAPI document the
 * server generates (src/http/openapi/): every request it makes is an operation of the document
 * with parameters the document lists, every answer type has exactly its schema's properties,
 * required where the schema requires them, and each enumeration has the schema's values.
 */
interface Schema { type?: unknown; properties?: Record<string, Schema>; required?: string[]; items?: Schema; enum?: unknown[]; $ref?: string }
interface Operation { parameters?: Array<{ name: string; in: string }>; requestBody?: { content: Record<string, { schema: Schema }> }; responses: Record<string, { content?: Record<string, { schema: Schema }> }> }
const doc = openapiDocument('test') as unknown as { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, Schema> } };
const schemas = doc.components.schemas;

/** Each key of T, and whether T requires it: written out below per type, and checked by the compiler to be exactly T's. */
type Presence<T> = { [K in keyof T]-?: Record<never, never> extends Pick<T, K> ? 'optional' : 'required' };
/** The same of a schema. */
const presenceOf = (s: Schema): Record<string, string> => Object.fromEntries(Object.keys(s.properties ?? {}).map((k) => [k, (s.required ?? []).includes(k) ? 'required' : 'optional']));
const sorted = (o: object): Array<[string, unknown]> => Object.entries(o).sort(([a], [b]) => a.localeCompare(b));

const RECORD: Presence<OdsRecord> = { datasetid: 'required', recordid: 'required', fields: 'required', geometry: 'optional', record_timestamp: 'required' };
const FACET_GROUP: Presence<FacetGroup> = { name: 'optional', facets: 'optional' };
const FACET: Presence<Facet> = { name: 'optional', path: 'optional', count: 'optional', state: 'optional', facets: 'optional' };
const RECORDS_PAGE: Presence<RecordsPage> = { nhits: 'required', parameters: 'required', records: 'required', facet_groups: 'optional' };
const DATASET: Presence<CatalogDataset> = { datasetid: 'required', dataset_id: 'optional', has_records: 'optional', metas: 'required', fields: 'required', features: 'optional', extra_metas: 'optional' };
const CATALOG_PAGE: Presence<CatalogPage> = { nhits: 'required', parameters: 'required', datasets: 'required', facet_groups: 'optional' };
const JOB: Presence<Job> = {
  id: 'required', dataset_id: 'required', domain: 'required', status: 'required', phase: 'required', rows_read: 'required', rows_published: 'required', rows_indexed: 'required',
  rows_warned: 'required', warnings: 'required', error: 'required', cancel_requested: 'required', filename: 'required', created_at: 'required', updated_at: 'required', finished_at: 'required', links: 'required',
};
const JOB_WARNING: Presence<JobWarning> = { position: 'optional', field: 'optional', message: 'optional' };
const JOB_LIST: Presence<JobList> = { total: 'required', limit: 'optional', offset: 'optional', jobs: 'required' };
const MANAGED: Presence<ManagedDataset> = {
  id: 'required', domain: 'required', title: 'required', visibility: 'required', state: 'required', status: 'required', records_count: 'required', version: 'required',
  published_at: 'required', updated_at: 'required', last_job: 'required', links: 'required', metadata: 'optional', fields: 'optional', source: 'optional',
};
const MANAGED_LIST: Presence<ManagedDatasetList> = { total: 'required', limit: 'optional', offset: 'optional', datasets: 'required' };
const ODS_ERROR: Presence<OdsErrorBody> = { errorcode: 'required', error: 'required', parameter: 'optional', position: 'optional' };
const PROBLEM: Presence<ProblemBody> = { type: 'required', title: 'required', status: 'required', detail: 'required', instance: 'optional', code: 'optional', parameter: 'optional', errors: 'optional' };
const UPLOAD: Presence<UploadFields & { file: Blob }> = {
  file: 'required', descriptor: 'optional', id: 'optional', title: 'optional', domain: 'optional', visibility: 'optional', state: 'optional', format: 'optional', delimiter: 'optional',
  encoding: 'optional', layer: 'optional', crs: 'optional', sheet: 'optional', max_warning_share: 'optional', take_over: 'optional',
};

const operation = (name: RouteName): Operation => doc.paths[ROUTES[name].path]?.[ROUTES[name].method];
const uploadSchema = (): Schema => operation('datasetCreate').requestBody!.content['multipart/form-data'].schema;

describe('the client\'s types against the OpenAPI document', () => {
  test.each([
    ['Record', RECORD, () => schemas.Record], ['FacetGroup', FACET_GROUP, () => schemas.FacetGroup], ['FacetGroup facets', FACET, () => schemas.FacetGroup.properties!.facets.items!],
    ['RecordsPage', RECORDS_PAGE, () => schemas.RecordsPage], ['Dataset', DATASET, () => schemas.Dataset], ['CatalogPage', CATALOG_PAGE, () => schemas.CatalogPage],
    ['Job', JOB, () => schemas.Job], ['Job warnings', JOB_WARNING, () => schemas.Job.properties!.warnings.items!], ['JobList', JOB_LIST, () => schemas.JobList],
    ['ManagedDataset', MANAGED, () => schemas.ManagedDataset], ['ManagedDatasetList', MANAGED_LIST, () => schemas.ManagedDatasetList],
    ['OdsError', ODS_ERROR, () => schemas.OdsError], ['Problem', PROBLEM, () => schemas.Problem], ['upload form', UPLOAD, uploadSchema],
  ] as Array<[string, object, () => Schema]>)('%s: the same properties, required alike', (_name, table, schema) => {
    expect(sorted(table)).toEqual(sorted(presenceOf(schema())));
  });

  test('enumerations have the schema\'s values', () => {
    const keys = (o: object): string[] => Object.keys(o).sort();
    const values = (s: Schema): unknown[] => [...(s.enum ?? [])].filter((v) => v !== null).sort();
    const status: Record<JobStatus, true> = { PENDING: true, RUNNING: true, COMPLETED: true, FAILED: true, CANCELLED: true };
    const phase: Record<JobPhase, true> = { reading: true, indexing: true, cataloguing: true };
    const datasetStatus: Record<DatasetStatus, true> = { processing: true, ready: true, failed: true, empty: true };
    const facetState: Record<NonNullable<Facet['state']>, true> = { displayed: true, refined: true, excluded: true };
    expect(keys(status)).toEqual(values(schemas.Job.properties!.status));
    expect(keys(phase)).toEqual(values(schemas.Job.properties!.phase));
    // The phase is null between phases: the schema allows it, and so does the type.
    expect(schemas.Job.properties!.phase.enum).toContain(null);
    expect(keys(datasetStatus)).toEqual(values(schemas.ManagedDataset.properties!.status));
    expect(keys(facetState)).toEqual(values(schemas.FacetGroup.properties!.facets.items!.properties!.state));
  });

  test('each route answers the schema its method is typed with', () => {
    const answers: Record<RouteName, [string, string, string | undefined]> = {
      recordsSearch: ['200', 'application/json', 'RecordsPage'], catalogSearch: ['200', 'application/json', 'CatalogPage'],
      recordsDownload: ['200', 'application/x-ndjson', undefined], datasets: ['200', 'application/json', 'ManagedDatasetList'],
      datasetCreate: ['202', 'application/json', 'Job'], dataset: ['200', 'application/json', 'ManagedDataset'], jobs: ['200', 'application/json', 'JobList'],
      job: ['200', 'application/json', 'Job'], jobCancel: ['202', 'application/json', 'Job'], jobEvents: ['200', 'text/event-stream', undefined],
    };
    for (const [name, [status, type, schema]] of Object.entries(answers) as Array<[RouteName, [string, string, string | undefined]]>) {
      const content = operation(name)?.responses[status]?.content?.[type];
      expect([name, content !== undefined, schema === undefined ? undefined : content?.schema.$ref]).toEqual([name, true, schema && `#/components/schemas/${schema}`]);
    }
    // The download's other formats the client reads.
    expect(Object.keys(operation('recordsDownload').responses['200'].content!)).toEqual(expect.arrayContaining(['application/json', 'text/csv']));
  });
});

describe('the client\'s requests against the OpenAPI document', () => {
  interface Sent { method: string; url: URL; body: unknown }
  const sent: Sent[] = [];
  // A fetch that records each request and answers just enough for the client to finish its call.
  const fakeFetch = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(String(input));
    sent.push({ method: (init?.method ?? 'GET').toLowerCase(), url, body: init?.body });
    if (url.pathname.endsWith('/events')) return new Response('event: end\ndata: {"status":"COMPLETED"}\n\n');
    if (url.pathname.endsWith('/download')) return new Response(url.searchParams.get('format') === 'json' ? '[]' : '');
    return new Response('{}');
  }) as typeof fetch;

  beforeAll(async () => {
    const client = new PortalClient({ baseUrl: 'http://portal.test/', apiKey: 'k', fetch: fakeFetch });
    const filter = { dataset: 'd', q: ['a', 'b'], refine: { f: ['1', '2'] }, exclude: { g: 'x' }, geofilter: { distance: '48.8,2.3,100', polygon: '(48,2),(49,2),(49,3)', bbox: '48,2,49,3' }, timezone: 'Europe/Paris', sort: '-f', fields: ['f', 'g'] };
    await client.searchRecords({ ...filter, facet: ['f', 'g'], disjunctive: ['f'], facetsort: { f: '-count' }, rows: 5, start: 10 });
    await client.searchCatalog({ q: 'x', facet: 'theme', refine: { theme: 'Culture' }, exclude: { publisher: 'P' }, disjunctive: ['theme'], facetsort: { theme: 'alphanum' }, sort: 'title', rows: 1, start: 2, timezone: 'UTC', include_drafts: true });
    const drain = async (items: AsyncIterable<unknown>): Promise<void> => { for await (const item of items) throw new Error(`nothing expected, got ${String(item)}`); };
    await drain(client.download({ ...filter, rows: 3 }));
    await drain(client.download(filter, { format: 'json' }));
    await drain(client.downloadCsv(filter, { csv_separator: ',', use_labels_for_header: true, with_bom: true }));
    const m = client.management;
    await m.listDatasets({ limit: 1, offset: 2 });
    await m.getDataset('d');
    await m.createDataset({ blob: new Blob(['a;b\n1;2\n']), filename: 'x.csv' }, {
      descriptor: { id: 'x' }, id: 'x', title: 'X', domain: 'default', visibility: 'private', state: 'draft', format: 'csv', delimiter: ';', encoding: 'utf-8', layer: 'l', crs: 'EPSG:2154', sheet: 's', max_warning_share: '5%', take_over: false,
    });
    await m.listJobs({ dataset: 'd', limit: 1, offset: 0 });
    await m.getJob(1);
    await m.cancelJob(1);
    await m.waitForJob(1);
  });

  /** The document's path that a request's path is an instance of, for its method. */
  const documented = (s: Sent): [string, Operation] | undefined => Object.entries(doc.paths)
    .filter(([p]) => new RegExp(`^${p.replace(/[.]/g, '\\.').replace(/\{\w+\}/g, '[^/]+')}$`).test(s.url.pathname))
    .map(([p, item]): [string, Operation] => [p, item[s.method]]).find(([, op]) => op !== undefined);

  test('every route of the client was called, and every request is an operation of the document', () => {
    const paths = sent.map((s) => `${s.method} ${documented(s)?.[0]}`);
    const routes = Object.values(ROUTES).map((r) => `${r.method} ${r.path}`);
    expect([...new Set(paths)].sort()).toEqual([...new Set(routes)].sort());
    expect(sent.every((s) => documented(s) !== undefined)).toBe(true);
  });

  test('every query parameter sent is one the operation documents (a `{field}` in a name standing for any field)', () => {
    const undocumented = sent.flatMap((s) => {
      const names = (documented(s)![1].parameters ?? []).filter((p) => p.in === 'query').map((p) => new RegExp(`^${p.name.replace(/[.]/g, '\\.').replace(/\{\w+\}/g, '[^.]+')}$`));
      return [...new Set(s.url.searchParams.keys())].filter((k) => !names.some((n) => n.test(k))).map((k) => `${s.method} ${s.url.pathname} ${k}`);
    });
    expect(undocumented).toEqual([]);
    // The exercise above sends the families too.
    expect(sent[0].url.searchParams.getAll('refine.f')).toEqual(['1', '2']);
  });

  test('the upload form has the document\'s fields, and the file last', () => {
    const form = sent.find((s) => s.body instanceof FormData)!.body as FormData;
    const names = [...form.keys()];
    expect(names[names.length - 1]).toBe('file');
    expect(names.filter((n) => !(n in uploadSchema().properties!))).toEqual([]);
    expect(form.get('descriptor')).toBe('{"id":"x"}');
  });
});
