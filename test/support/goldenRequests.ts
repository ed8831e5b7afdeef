/**
 * Everything the request-level golden tests need from src/, in this one file (so that a change of
 * the source layout is fixed here only): a fake `Deps` (a recording Elasticsearch client, dataset
 * rows built from the fixture descriptors, no PostgreSQL), the real app with a fixed clock, and
 * each family's parameter reader and planner called directly on the same request.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Pool } from 'pg';
import pino from 'pino';
import request from 'supertest';
import { planAnalyze } from '../../src/plan/planAnalyze';
import type { Access } from '../../src/auth/access';
import { parseCatalogEntry } from '../../src/catalog/catalogEntry';
import { parseDescriptor } from '../../src/catalog/parseDescriptor';
import { compileSearch } from '../../src/compile/compileSearch';
import { DatasetDirectory } from '../../src/execute/datasetDirectory';
import type { DatasetRow, DomainRow } from '../../src/model/dataset';
import type { Deps } from '../../src/execute/deps';
import { resolveDataset, resolveDomain } from '../../src/usecases/resolveDataset';
import { dateFacet } from '../../src/facets/dateFacet';
import { hierarchicalFacet } from '../../src/facets/hierarchicalFacet';
import { valueFacet } from '../../src/facets/valueFacet';
import { planGeo } from '../../src/plan/planGeo';
import { createApp } from '../../src/http/app';
import { catalogAlias, recordsAlias } from '../../src/schema/indexNames';
import { recordMapping } from '../../src/index/recordMapping';
import { resolveSchema } from '../../src/ingest/resolveSchema';
import { analyzeParams } from '../../src/dialects/ods-v1/analyzeParams';
import { catalogSearchParams } from '../../src/dialects/ods-v1/catalogSearchParams';
import { DATASTORE_JSON_OBJECTS, datastoreParams } from '../../src/dialects/ckan/datastoreParams';
import { downloadParams } from '../../src/dialects/ods-v1/downloadParams';
import { geoParams } from '../../src/dialects/ods-v1/geoParams';
import { packageSearchParams } from '../../src/dialects/ckan/packageSearchParams';
import { ParamReader } from '../../src/dialects/shared/paramReader';
import { readBody, readQueryString } from '../../src/dialects/shared/rawParams';
import { recordsSearchParams } from '../../src/dialects/ods-v1/recordsSearchParams';
import { planCatalogSearch } from '../../src/plan/planCatalogSearch';
import { planDatastore } from '../../src/plan/planDatastore';
import { planExport } from '../../src/plan/planExport';
import { planPackageSearch } from '../../src/plan/planPackageSearch';
import { planRecordsSearch } from '../../src/plan/planRecordsSearch';
import { planReading } from '../../src/usecases/runRecordsSearch';
import { analyzeWithIndexKeys, withIndexKeys } from '../../src/usecases/withIndexKeys';
import { recordsReading } from '../../src/dialects/ods-v1/recordsSearchPieces';
import type { SearchPlan } from '../../src/model/searchPlan';
import { RESULT_WINDOW } from '../../src/usecases/searchPage';
import { Json, planJson } from './planJson';
import { EsCall, recordingClient } from './recordingElasticsearch';
import { GoldenFile, queryString, RequestCase } from './requestCase';

export type { RequestCase } from './requestCase';
export { expectGolden, expectNoStrayGolden } from './goldenFile';

/** The clock of every golden request (Saturday 21 November 2026, 10:30 UTC, as in the query goldens). */
export const GOLDEN_NOW = '2026-11-21T10:30:00.000Z';
const INDEX_PREFIX = 'golden-';
const FIXTURES = join(__dirname, '..', '..', 'fixtures');
/** When the fake rows were created, updated and published. */
const ROW_TIME = new Date('2026-01-15T08:00:00.000Z');
/** Rows of each fixture source file (fixtures/ATTRIBUTION.md): the fake reads no data, so it shows these. */
const SOURCE_ROWS: Record<string, number> = {
  'lieux-de-tournage-a-paris': 14760, 'chantiers-perturbants': 192, 'liste-des-gares': 4148, 'velib-emplacement-des-stations': 1469, 'communes-france': 35357,
};
/** The one Paris catalog entry (metadata only, domain `paris`) among the rows. */
const PARIS_ENTRY = 'plan-velo-2026';

/** The resource id PostgreSQL derives from a dataset id (migrations: md5('portal-search:resource:' || id)::uuid). */
const resourceIdOf = (id: string): string =>
  createHash('md5').update(`portal-search:resource:${id}`).digest('hex').replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5');

const rowTimes = { createdAt: ROW_TIME, updatedAt: ROW_TIME, publishedAt: ROW_TIME };

function fixtureRow(id: string): DatasetRow {
  const file = join(FIXTURES, 'descriptors', `${id}.json`);
  const d = parseDescriptor(JSON.parse(readFileSync(file, 'utf8')), file);
  return {
    id, resourceId: resourceIdOf(id), domain: d.domain, metadata: d.metadata, fields: resolveSchema(d, []), visibility: d.visibility, state: d.state,
    hasRecords: true, recordsCount: SOURCE_ROWS[id], catalogExtra: null, ...rowTimes,
  };
}

function parisRow(id: string): DatasetRow {
  const raw = (JSON.parse(readFileSync(join(FIXTURES, 'catalog', 'opendata-paris-catalog.json'), 'utf8')) as Array<{ dataset_id: string }>).find((e) => e.dataset_id === id);
  const e = parseCatalogEntry(raw);
  return {
    id, resourceId: resourceIdOf(id), domain: 'paris', metadata: { title: e.title }, fields: e.fields, visibility: 'public', state: 'published',
    hasRecords: false, recordsCount: 0, catalogExtra: e.extra, ...rowTimes,
  };
}

const DOMAINS: DomainRow[] = [{ id: 'default', title: 'Default', includePublic: true }, { id: 'paris', title: 'Paris', includePublic: false }];
const ROWS: DatasetRow[] = [...Object.keys(SOURCE_ROWS).map(fixtureRow), parisRow(PARIS_ENTRY)];
/** Never queried (no API key is sent, no health check is asked): creating a pool opens no connection. */
const NO_POSTGRESQL = new Pool({ connectionString: 'postgres://golden@postgres.golden.invalid/none' });
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Dataset lookups answered from the rows above, as `getDatasetInDomain` answers them from PostgreSQL. */
class FixtureDirectory extends DatasetDirectory {
  constructor() {
    super({ query: () => Promise.reject(new Error('golden tests have no PostgreSQL')) }, '');
  }

  override async lookup(domain: string, id: string): Promise<{ domain?: DomainRow; dataset?: DatasetRow }> {
    const scope = DOMAINS.find((d) => d.id === domain);
    if (!scope) return {};
    const byResource = UUID.test(id);
    return { domain: scope, dataset: ROWS.find((r) => (byResource ? r.resourceId === id.toLowerCase() : r.id === id)) };
  }
}

/** The domain a route serves, as `routeDomain` reads it from the path. */
function domainOf(path: string): string {
  const [, first, second] = path.split('/');
  if (first === 'api' || (first === 'd4c' && second === 'api')) return 'default';
  return first === 'd4c' ? second : first;
}

/** The request's parameters as `requestParams` gathers them: query string, then d4c's after the last slash, then the body. */
function paramsOf(c: RequestCase): ParamReader {
  const params = readQueryString(queryString(c.query ?? {}));
  const last = c.path.slice(c.path.lastIndexOf('/') + 1);
  if (last.includes('=')) readQueryString(last, params);
  if (c.form) readBody(c.form, params);
  if (c.json) readBody(c.json, params, c.family === 'datastore-search' ? DATASTORE_JSON_OBJECTS : undefined);
  return new ParamReader(params);
}

/** The family's parameter reader and planner on the case's request; undefined for families without a planner. */
async function planOf(c: RequestCase, deps: Deps, now: number): Promise<object | undefined> {
  const r = paramsOf(c);
  const access: Access = { domain: domainOf(c.path) };
  const target = (ref: Parameters<typeof resolveDataset>[2]) => resolveDataset(deps, access, ref);
  switch (c.family) {
    case 'records-search': {
      // The plan the app tries first: records read written for compact JSON (the app's pages of at most 200 records).
      const req = recordsSearchParams(r);
      return planReading(await withIndexKeys(deps, planRecordsSearch(req, await target(req.dataset), now)), recordsReading(req.output));
    }
    case 'records-download': { const req = downloadParams(r); return planExport(req, await target(req.dataset), now); }
    case 'records-analyze': { const req = analyzeParams(r); return analyzeWithIndexKeys(deps, planAnalyze(req, await target(req.dataset), now)); }
    case 'geocluster': case 'boundingbox': case 'geopreview': {
      const req = geoParams(r, c.family === 'geocluster');
      return planGeo(req, await target(req.dataset), now);
    }
    case 'datastore-search': { const req = datastoreParams(r); return withIndexKeys(deps, planDatastore(req, await target(req.dataset), now)); }
    case 'catalog-search': return planCatalogSearch(catalogSearchParams(r), await resolveDomain(deps, access.domain), access, catalogAlias(INDEX_PREFIX), now);
    case 'package-search': {
      // data4citizen's route lists its own package dicts.
      const flavour = c.path.includes('/datasets/2.0/') ? 'd4c' : 'ckan';
      return planPackageSearch(packageSearchParams(r), await resolveDomain(deps, access.domain), access, catalogAlias(INDEX_PREFIX), now, flavour);
    }
    case 'record-lookup': case 'dataset-lookup': case 'package-show': case 'status-show': return undefined;
  }
}

/**
 * Whether the case's plan compiles to the first request the app sends: records search, DataStore,
 * catalog search and CKAN's package_search do; d4c's adds its `all_organizations` aggregation, and
 * the other families' requests are built by execute/.
 */
export const compilesToOneSearch = (c: RequestCase): boolean =>
  ['records-search', 'catalog-search', 'datastore-search'].includes(c.family) || (c.family === 'package-search' && !c.path.includes('/datasets/2.0/'));

/** The first request the app should have sent for the plan, compiled here (see compilesToOneSearch). */
function compiledRequest(c: RequestCase, plan: object | undefined): EsCall | undefined {
  if (!compilesToOneSearch(c)) return undefined;
  let search = c.family === 'package-search' ? (plan as ReturnType<typeof planPackageSearch>).search : plan as SearchPlan;
  // Beyond the result window a DataStore page takes its total and facets from a request without hits (searchPage).
  if (search.start + search.rows > RESULT_WINDOW) search = { ...search, rows: 0, start: 0 };
  const { index, ...body } = compileSearch(search);
  return { method: 'POST', path: `/${index}/_search`, body: JSON.parse(JSON.stringify(body)) as unknown };
}

/** Facet kinds are behaviour: the plan shows their names. */
const KIND_NAMES = new Map<object, string>([[dateFacet, 'date'], [hierarchicalFacet, 'hierarchical'], [valueFacet, 'value']]);

/** Why a family's file holds no plan, or what its plan does not show. */
const NOTES: Partial<Record<RequestCase['family'], string>> = {
  'record-lookup': 'No planner: the record id becomes one term query (src/execute/getRecord.ts). The fake Elasticsearch holds no record, hence the 404.',
  'dataset-lookup': 'No planner and no Elasticsearch request: the dataset is rendered from its row (here built from the fixture), so the response is kept.',
  'package-show': 'No planner and no Elasticsearch request: the package is rendered from the dataset row (here built from the fixture), so the response is kept.',
  'status-show': 'No planner and no Elasticsearch request: the response is kept.',
  'records-download': 'The plan is compiled to a scan (src/compile/compileScan.ts), read from a point-in-time snapshot page by page (src/execute/exportRecords.ts).',
  'records-analyze': 'The requests are built from the plan by src/compile/analyzeAggs.ts: the composite aggregation, read page by page.',
  geocluster: 'The requests are built from the plan in src/compile/compileGeo.ts (probe, then grid); the fake answers the probe with bounds around Paris so that the grid request follows.',
  boundingbox: 'The request is built from the plan by compileBoundingBox (src/compile/compileGeo.ts).',
  geopreview: 'The request is built from the plan by compileGeopreview (src/compile/compileGeo.ts).',
};

/**
 * Runs one case through the real app over the fake stores, then plans it directly: the golden file
 * (request, plan, every Elasticsearch request in order, status, and the response when there is no
 * plan or an error), the calls, and the first request the plan compiles to where it compiles to one.
 */
export async function goldenRequest(c: RequestCase): Promise<{ file: GoldenFile; calls: EsCall[]; compiled?: EsCall }> {
  const { client, calls } = recordingClient((alias) => {
    const row = ROWS.find((r) => recordsAlias(INDEX_PREFIX, r.id) === alias);
    return row && recordMapping(row.fields);
  });
  const deps: Deps = { es: client, pool: NO_POSTGRESQL, indexPrefix: INDEX_PREFIX, directory: new FixtureDirectory() };
  const now = Date.parse(GOLDEN_NOW);
  const app = createApp(deps, pino({ level: 'silent' }), { clock: () => now });
  const query = queryString(c.query ?? {});
  const url = query ? `${c.path}?${query}` : c.path;
  const sent = c.form ? request(app).post(url).type('form').send(queryString(c.form)) : c.json ? request(app).post(url).send(c.json) : request(app).get(url);
  const res = await sent.set('Host', 'golden.test');
  const plan = await planOf(c, deps, now);
  await client.close();
  const json = (res.type === 'application/json' ? res.body : res.text) as Json;
  const file: GoldenFile = {
    name: c.name, family: c.family,
    request: { method: c.form || c.json ? 'POST' : 'GET', path: c.path, ...(c.query ? { query: c.query } : {}), ...(c.form ? { form: c.form } : {}), ...(c.json ? { json: c.json as Json } : {}) },
    now: GOLDEN_NOW,
    ...(NOTES[c.family] ? { note: NOTES[c.family] } : {}),
    plan: plan === undefined ? null : planJson(plan, (v) => KIND_NAMES.get(v)),
    status: res.status,
    elasticsearch: calls,
    ...(plan === undefined || res.status >= 400 ? { response: json } : {}),
  };
  return { file, calls, compiled: compiledRequest(c, plan) };
}
