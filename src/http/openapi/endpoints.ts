import type { z } from 'zod';
import { DATASTORE_SCALARS } from '../../dialects/ckan/datastoreParams';
import { PACKAGE_SEARCH_SCALARS } from '../../dialects/ckan/packageSearchParams';
import { ANALYZE_SCALARS } from '../../dialects/ods-v1/analyzeParams';
import { DATASET_LOOKUP_SCALARS } from '../../dialects/ods-v1/catalogRouter';
import { CATALOG_SEARCH_SCALARS } from '../../dialects/ods-v1/catalogSearchParams';
import { DCAT_CATALOG_PATHS, DCAT_DATASET_PATHS } from '../../dialects/ods-v1/dcatRouter';
import { DOWNLOAD_SCALARS } from '../../dialects/ods-v1/downloadParams';
import { GEO_SCALARS } from '../../dialects/ods-v1/geoParams';
import { RECORD_LOOKUP_SCALARS } from '../../dialects/ods-v1/recordLookupParams';
import { RECORDS_SEARCH_SCALARS } from '../../dialects/ods-v1/recordsSearchParams';
import { OGC_FEATURE_SCALARS, OGC_ITEMS_SCALARS, OGC_PAGE_SCALARS } from '../../dialects/ogc/ogcParams';

const DCAT_ANSWER_TYPES = ['text/turtle', 'application/ld+json', 'application/rdf+xml'];

/** The content types an endpoint may answer with, the schema of its JSON body, and its success status (200). */
interface Answer { types: readonly string[]; schema: string; status?: number }

/** A request body other than the parameters themselves: an upload form, or a JSON object of a schema. */
export type RequestBodyDoc = { kind: 'upload' } | { kind: 'json'; schema: string };

/**
 * One family of endpoints: the paths it is mounted on (Express patterns, as the routers mount
 * them), the methods, its parameters (the validated scalar ones from their zod schema, and the
 * others by name), its answer and the error shape of its dialect.
 */
export interface EndpointFamily {
  id: string;
  tag: string;
  summary: string;
  paths: readonly string[];
  methods: ReadonlyArray<'get' | 'post' | 'put' | 'patch' | 'delete'>;
  scalars?: z.ZodObject;
  /** Parameters read outside the zod object (strings); `{…}` in a name stands for a field or series name. */
  others: readonly string[];
  answer: Answer;
  /** Where the endpoint sends the client instead of answering (a 302). */
  redirect?: string;
  /** The error shape of the dialect; `problem`: the management API's problem details (and a key is required); `ogc`: OGC's `{code, description}`. */
  errors: 'ods' | 'ckan' | 'problem' | 'ogc' | 'none';
  body?: RequestBodyDoc;
}

const M = '/api/management/v1';
const JSON_ONLY = ['application/json'];
/** A management family: a key is needed, errors are problem details. */
const managed = (id: string, summary: string, path: string, method: 'get' | 'post' | 'put' | 'patch' | 'delete', answer: Answer, extra: Partial<EndpointFamily> = {}): EndpointFamily => ({
  id, tag: 'Management', summary, paths: [`${M}${path}`], methods: [method], others: [], answer, errors: 'problem', ...extra,
});

/** Every prefix of an ODS records endpoint (SPEC §2). */
const recordsUnder = (name: string): string[] => [`/api/records/1.0/${name}`, `/d4c/api/records/1.0/${name}`, `/:domain/api2/records/${name}`, `/d4c/:domain/api2/records/${name}`];
/** Every prefix of a CKAN action. */
const action = (name: string): string[] => [`/api/3/action/${name}{/:params}`, `/api/action/${name}{/:params}`, `/d4c/api/3/action/${name}{/:params}`, `/:domain/api/3/action/${name}{/:params}`, `/:domain/api/action/${name}{/:params}`];
const FILTERS = ['dataset', 'q', 'q.{name}', 'refine.{field}', 'exclude.{field}', 'geofilter.distance', 'geofilter.polygon', 'geofilter.bbox', 'timezone'];
const JSON_GEO_CSV = ['application/json', 'application/geo+json', 'text/csv', 'text/javascript'];
/** The GIS files of downloads and OGC items: GeoPackage, zipped Shapefile, FlatGeobuf. */
const GIS_FILES = ['application/geopackage+sqlite3', 'application/zip', 'application/flatgeobuf'];
const BOTH = ['get', 'post'] as const;
/** An OGC API – Features resource, under `/ogc` and `/<domain>/ogc`. */
const ogc = (id: string, summary: string, path: string, answer: Answer, extra: Partial<EndpointFamily> = {}): EndpointFamily => ({
  id, tag: 'OGC API – Features', summary, paths: [`/ogc${path}`, `/:domain/ogc${path}`], methods: ['get'], scalars: OGC_PAGE_SCALARS, others: [], answer, errors: 'ogc', ...extra,
});

/** The public endpoints, family by family. */
export const ENDPOINT_FAMILIES: readonly EndpointFamily[] = [
  { id: 'records-search', tag: 'ODS records', summary: 'Search the records of a dataset: a page, its total and its facets', paths: recordsUnder('search'), methods: BOTH, scalars: RECORDS_SEARCH_SCALARS, others: [...FILTERS, 'facet', 'disjunctive.{field}', 'facetsort.{field}', 'facetlimit.{field}', 'sort'], answer: { types: JSON_GEO_CSV, schema: 'RecordsPage' }, errors: 'ods' },
  { id: 'records-download', tag: 'ODS records', summary: 'Every matching record, streamed from one snapshot (csv, json, geojson, ndjson, jsonp, geojsonp), or spooled and sent whole as a GIS file (gpkg GeoPackage, shp zipped Shapefile, fgb FlatGeobuf)', paths: recordsUnder('download'), methods: BOTH, scalars: DOWNLOAD_SCALARS, others: [...FILTERS, 'sort'], answer: { types: [...JSON_GEO_CSV, 'application/x-ndjson', ...GIS_FILES], schema: 'FeatureCollection' }, errors: 'ods' },
  { id: 'records-analyze', tag: 'ODS records', summary: 'Aggregated series of a dataset, grouped by x (charts)', paths: recordsUnder('analyze'), methods: BOTH, scalars: ANALYZE_SCALARS, others: [...FILTERS, 'x', 'y.{serie}.func', 'y.{serie}.expr'], answer: { types: ['application/json', 'text/csv', 'text/javascript'], schema: 'AnyJson' }, errors: 'ods' },
  { id: 'records-geocluster', tag: 'ODS maps', summary: 'Clusters of the matching records at a zoom level', paths: recordsUnder('geocluster'), methods: BOTH, scalars: GEO_SCALARS, others: [...FILTERS, 'y.{serie}.func', 'y.{serie}.expr'], answer: { types: ['application/json', 'text/javascript'], schema: 'AnyJson' }, errors: 'ods' },
  { id: 'records-boundingbox', tag: 'ODS maps', summary: 'The box around the matching records and their geometry types', paths: recordsUnder('boundingbox'), methods: BOTH, scalars: GEO_SCALARS, others: FILTERS, answer: { types: ['application/json', 'text/javascript'], schema: 'AnyJson' }, errors: 'ods' },
  { id: 'records-geopreview', tag: 'ODS maps', summary: 'The geometries of the first matching records, simplified to a pixel at a zoom', paths: recordsUnder('geopreview'), methods: BOTH, scalars: GEO_SCALARS, others: FILTERS, answer: { types: ['application/json', 'text/javascript'], schema: 'AnyJson' }, errors: 'ods' },
  { id: 'record-lookup', tag: 'ODS records', summary: 'One record by its id', paths: ['/api/datasets/1.0/:datasetid/records/:recordid', '/d4c/api/datasets/1.0/:datasetid/records/:recordid', '/:domain/api2/datasets/:datasetid/records/:recordid'], methods: BOTH, scalars: RECORD_LOOKUP_SCALARS, others: [], answer: { types: ['application/json', 'text/javascript'], schema: 'Record' }, errors: 'ods' },
  { id: 'catalog-search', tag: 'ODS catalog', summary: 'Search the catalog of datasets: a page, its total and its facets', paths: ['/api/datasets/1.0/search', '/d4c/api/datasets/1.0/search', '/:domain/api2/datasets/search', '/d4c/:domain/api2/datasets/search'], methods: BOTH, scalars: CATALOG_SEARCH_SCALARS, others: ['q', 'facet', 'refine.{field}', 'exclude.{field}', 'disjunctive.{field}', 'facetsort.{field}', 'facetlimit.{field}', 'sort', 'include_draft', 'include_drafts'], answer: { types: ['application/json', 'text/csv', 'text/javascript', 'application/rss+xml', 'application/atom+xml'], schema: 'CatalogPage' }, errors: 'ods' },
  { id: 'dataset-lookup', tag: 'ODS catalog', summary: 'One dataset: its metadata and fields', paths: ['/api/datasets/1.0/:datasetid', '/d4c/api/datasets/1.0/:datasetid', '/:domain/api2/datasets/:datasetid', '/d4c/:domain/api2/datasets/:datasetid'], methods: BOTH, scalars: DATASET_LOOKUP_SCALARS, others: [], answer: { types: ['application/json', 'text/javascript'], schema: 'Dataset' }, errors: 'ods' },
  { id: 'dataset-lookup-d4c', tag: 'data4citizen', summary: 'One dataset by `id=` (data4citizen\'s DATASETID form)', paths: ['/:domain/api2/datasets/DATASETID{/:params}', '/d4c/:domain/api2/datasets/DATASETID{/:params}'], methods: BOTH, scalars: DATASET_LOOKUP_SCALARS, others: ['id'], answer: { types: ['application/json', 'text/javascript'], schema: 'Dataset' }, errors: 'ods' },
  { id: 'datastore-search', tag: 'CKAN', summary: 'DataStore records of a dataset (CKAN datastore_search)', paths: action('datastore_search'), methods: BOTH, scalars: DATASTORE_SCALARS, others: ['resource_id', 'q', 'fields', 'sort', 'facet'], answer: { types: JSON_GEO_CSV, schema: 'CkanResult' }, errors: 'ckan' },
  { id: 'records-2', tag: 'data4citizen', summary: 'data4citizen records 2.0 search (DataStore semantics, ODS-style parameters too)', paths: ['/api/records/2.0/search{/:params}', '/d4c/api/records/2.0/search{/:params}', '/:domain/api/records/2.0/search{/:params}'], methods: BOTH, scalars: DATASTORE_SCALARS, others: ['resource_id', 'q', 'fields', 'sort', 'facet', ...FILTERS.slice(3)], answer: { types: JSON_GEO_CSV, schema: 'CkanResult' }, errors: 'ckan' },
  { id: 'package-search', tag: 'CKAN', summary: 'Search the catalog (CKAN package_search)', paths: [...action('package_search'), '/api/datasets/2.0/search{/:params}', '/d4c/api/datasets/2.0/search{/:params}', '/:domain/api/datasets/2.0/search{/:params}'], methods: BOTH, scalars: PACKAGE_SEARCH_SCALARS, others: ['q', 'fq', 'fq_list', 'sort', 'facet.field'], answer: { types: ['application/json', 'text/csv', 'text/javascript'], schema: 'CkanResult' }, errors: 'ckan' },
  { id: 'package-show', tag: 'CKAN', summary: 'One package (CKAN package_show)', paths: [...action('package_show'), '/api/datasets/2.0/DATASETID{/:params}', '/d4c/api/datasets/2.0/DATASETID{/:params}', '/:domain/api/datasets/2.0/DATASETID{/:params}', '/api/datasets/2.0/:id', '/d4c/api/datasets/2.0/:id', '/:domain/api/datasets/2.0/:id'], methods: BOTH, others: ['id'], answer: { types: ['application/json'], schema: 'CkanResult' }, errors: 'ckan' },
  { id: 'status-show', tag: 'CKAN', summary: 'The site\'s status (CKAN status_show)', paths: ['/api/3/action/status_show', '/api/action/status_show', '/:domain/api/3/action/status_show', '/:domain/api/action/status_show'], methods: BOTH, others: [], answer: { types: ['application/json'], schema: 'CkanResult' }, errors: 'ckan' },
  { id: 'catalog-dcat', tag: 'ODS catalog', summary: 'The catalog as DCAT-AP 3, in Turtle, JSON-LD or RDF/XML (by Accept, or the .ttl, .jsonld, .rdf and .xml extensions)', paths: DCAT_CATALOG_PATHS, methods: ['get'], others: [], answer: { types: DCAT_ANSWER_TYPES, schema: 'AnyJson' }, errors: 'ods' },
  { id: 'dataset-dcat', tag: 'ODS catalog', summary: 'One dataset as a DCAT-AP 3 dcat:Dataset with its distributions, in Turtle, JSON-LD or RDF/XML (by Accept, or extension); 404 for a dataset the caller may not see', paths: DCAT_DATASET_PATHS, methods: ['get'], others: [], answer: { types: DCAT_ANSWER_TYPES, schema: 'AnyJson' }, errors: 'ods' },
  { id: 'health', tag: 'Operations', summary: 'Readiness: 200, or 503 naming the store that is down', paths: ['/api/health', '/d4c/api/health'], methods: ['get'], others: [], answer: { types: ['application/json'], schema: 'Health' }, errors: 'none' },
  { id: 'health-live', tag: 'Operations', summary: 'Liveness: 200 whenever the process runs; touches no store', paths: ['/api/health/live', '/d4c/api/health/live'], methods: ['get'], others: [], answer: { types: ['application/json'], schema: 'Health' }, errors: 'none' },
  { id: 'openapi', tag: 'Operations', summary: 'This document', paths: ['/api/openapi.json'], methods: ['get'], others: [], answer: { types: ['application/json'], schema: 'AnyJson' }, errors: 'none' },
  { id: 'docs', tag: 'Operations', summary: 'Interactive documentation of this document', paths: ['/api/docs'], methods: ['get'], others: [], answer: { types: ['text/html'], schema: 'AnyJson' }, errors: 'none' },
  managed('mgmt-datasets', 'The datasets this key manages, with their status, live version, record count and last job', '/datasets', 'get', { types: JSON_ONLY, schema: 'ManagedDatasetList' }, { others: ['limit', 'offset'] }),
  managed('mgmt-dataset-create', 'Create a dataset from an uploaded file (multipart): answers 202 with the job that publishes it', '/datasets', 'post', { types: JSON_ONLY, schema: 'Job', status: 202 }, { body: { kind: 'upload' } }),
  managed('mgmt-dataset', 'One dataset: its status, metadata, fields and source', '/datasets/:id', 'get', { types: JSON_ONLY, schema: 'ManagedDataset' }),
  managed('mgmt-dataset-patch', 'Change a dataset\'s metadata, visibility or state, without reindexing its records', '/datasets/:id', 'patch', { types: JSON_ONLY, schema: 'ManagedDataset' }, { body: { kind: 'json', schema: 'DatasetChange' } }),
  managed('mgmt-dataset-delete', 'Delete a dataset: its records, indices and catalog entry (an export already running finishes from its snapshot)', '/datasets/:id', 'delete', { types: [], schema: 'AnyJson', status: 204 }),
  managed('mgmt-dataset-publish', 'Publish a new version, from a new upload or from the stored source: answers 202 with the job', '/datasets/:id/publish', 'post', { types: JSON_ONLY, schema: 'Job', status: 202 }, { body: { kind: 'upload' } }),
  managed('mgmt-dataset-features', 'The dataset\'s records as a GeoJSON FeatureCollection, in a bbox (longitude first), paged', '/datasets/:id/features', 'get', { types: ['application/geo+json'], schema: 'FeatureCollection' }, { others: ['bbox', 'layer', 'limit', 'offset'] }),
  managed('mgmt-dataset-jobs', 'The jobs of a dataset, newest first', '/datasets/:id/jobs', 'get', { types: JSON_ONLY, schema: 'JobList' }, { others: ['limit', 'offset'] }),
  managed('mgmt-jobs', 'The jobs of the datasets this key manages, newest first', '/jobs', 'get', { types: JSON_ONLY, schema: 'JobList' }, { others: ['dataset', 'limit', 'offset'] }),
  managed('mgmt-job', 'One job: PENDING, RUNNING, COMPLETED, FAILED or CANCELLED, its phase and counts', '/jobs/:id', 'get', { types: JSON_ONLY, schema: 'Job' }),
  managed('mgmt-job-cancel', 'Cancel a job before it writes its records (nothing changes)', '/jobs/:id', 'delete', { types: JSON_ONLY, schema: 'Job', status: 202 }),
  managed('mgmt-job-events', 'A job\'s progress as Server-Sent Events: `progress` events (the current state first), then `end`; with `Upgrade: websocket`, the same events as WebSocket messages', '/jobs/:id/events', 'get', { types: ['text/event-stream'], schema: 'AnyJson' }),
  managed('mgmt-jobs-create', 'Publish a dataset again from its stored source, with these rules (its stored ones when absent): 202 with the job', '/jobs', 'post', { types: JSON_ONLY, schema: 'Job', status: 202 }, { body: { kind: 'json', schema: 'JobInput' } }),
  managed('mgmt-preview', 'Dry run of an uploaded file: the proposed descriptor, the first 20 records, every warning; nothing is published', '/preview', 'post', { types: JSON_ONLY, schema: 'Preview' }, { body: { kind: 'upload' } }),
  managed('mgmt-dataset-preview', 'Dry run of a dataset\'s stored source (or a new upload) with its fields', '/datasets/:id/preview', 'post', { types: JSON_ONLY, schema: 'Preview' }, { body: { kind: 'upload' } }),
  managed('mgmt-capabilities', 'The processors a rule may use, each with its description and config JSON Schema', '/capabilities', 'get', { types: JSON_ONLY, schema: 'AnyJson' }),
  managed('mgmt-rules', 'A dataset\'s processing rules, in the order they run at its next publish', '/datasets/:id/rules', 'get', { types: JSON_ONLY, schema: 'RuleList' }),
  managed('mgmt-rules-replace', 'Replace a dataset\'s rules (checked against its fields first: 422 with each problem)', '/datasets/:id/rules', 'put', { types: JSON_ONLY, schema: 'RuleList' }, { body: { kind: 'json', schema: 'RuleList' } }),
  managed('mgmt-rules-add', 'Add a rule at the end', '/datasets/:id/rules', 'post', { types: JSON_ONLY, schema: 'Rule', status: 201 }, { body: { kind: 'json', schema: 'Rule' } }),
  managed('mgmt-rules-validate', 'Dry run: whether each rule (these, or the stored ones) fits the dataset, without running any', '/datasets/:id/rules/validate', 'post', { types: JSON_ONLY, schema: 'AnyJson' }, { body: { kind: 'json', schema: 'RuleList' } }),
  managed('mgmt-rule', 'One rule', '/datasets/:id/rules/:name', 'get', { types: JSON_ONLY, schema: 'Rule' }),
  managed('mgmt-rule-put', 'Create or change one rule', '/datasets/:id/rules/:name', 'put', { types: JSON_ONLY, schema: 'Rule' }, { body: { kind: 'json', schema: 'Rule' } }),
  managed('mgmt-rule-delete', 'Remove one rule (the rules after it must still fit)', '/datasets/:id/rules/:name', 'delete', { types: [], schema: 'AnyJson', status: 204 }),
  managed('mgmt-domains', 'Domains (admin keys)', '/domains', 'get', { types: JSON_ONLY, schema: 'AnyJson' }),
  managed('mgmt-domain-create', 'Create or update a domain (admin keys)', '/domains', 'post', { types: JSON_ONLY, schema: 'AnyJson', status: 201 }, { body: { kind: 'json', schema: 'DomainInput' } }),
  managed('mgmt-keys', 'API keys, without their secret (admin keys)', '/keys', 'get', { types: JSON_ONLY, schema: 'AnyJson' }),
  managed('mgmt-key-create', 'Issue a key with a role for a domain; the key is in this answer only (admin keys)', '/keys', 'post', { types: JSON_ONLY, schema: 'AnyJson', status: 201 }, { body: { kind: 'json', schema: 'KeyInput' } }),
  managed('mgmt-key-revoke', 'Revoke a key (admin keys)', '/keys/:id', 'delete', { types: [], schema: 'AnyJson', status: 204 }),
  ogc('ogc-landing', 'OGC API – Features landing page: links to the API definition, the conformance classes and the collections', '', { types: JSON_ONLY, schema: 'AnyJson' }),
  ogc('ogc-api', 'The OpenAPI 3.0 document of the OGC resources (the landing page\'s service-desc), paths relative to this OGC root', '/api', { types: ['application/vnd.oai.openapi+json;version=3.0'], schema: 'AnyJson' }),
  ogc('ogc-conformance', 'The conformance classes implemented: Part 1 core and geojson, Part 2 crs, Part 3 filter and features-filter with CQL2 text (basic, advanced comparison operators, basic spatial functions)', '/conformance', { types: JSON_ONLY, schema: 'AnyJson' }),
  ogc('ogc-collections', 'One collection per geographic dataset the caller may read, with its extent, CRSs and links', '/collections', { types: JSON_ONLY, schema: 'AnyJson' }),
  ogc('ogc-collection', 'One collection', '/collections/:collectionId', { types: JSON_ONLY, schema: 'AnyJson' }),
  ogc('ogc-queryables', 'The properties a filter may name, with their types and the geometry (JSON Schema)', '/collections/:collectionId/queryables', { types: ['application/schema+json', 'application/json'], schema: 'AnyJson' }),
  ogc('ogc-items', 'The features of a collection, filtered (bbox, datetime, CQL2 filter, facet properties), paged by next links; f=gpkg, shp or fgb gives the page as a GIS file', '/collections/:collectionId/items', { types: ['application/geo+json', ...GIS_FILES], schema: 'FeatureCollection' }, { scalars: OGC_ITEMS_SCALARS, others: ['{property}'] }),
  ogc('ogc-feature', 'One feature by its id (the record id)', '/collections/:collectionId/items/:featureId', { types: ['application/geo+json'], schema: 'AnyJson' }, { scalars: OGC_FEATURE_SCALARS }),
  { id: 'home', tag: 'Operations', summary: 'Sends a browser to the explorer page', paths: ['/'], methods: ['get'], others: [], answer: { types: ['text/html'], schema: 'AnyJson' }, redirect: '/explore', errors: 'none' },
  { id: 'explorer', tag: 'Operations', summary: 'The explorer page: the catalog, and each dataset\'s records, facets, map and chart through this API (assets under /explore/assets/; a 503 says to run `npm run build:web` when the bundle is missing)', paths: ['/explore'], methods: ['get'], others: [], answer: { types: ['text/html'], schema: 'AnyJson' }, errors: 'none' },
  { id: 'metrics', tag: 'Operations', summary: 'Prometheus metrics (when METRICS=on; behind METRICS_KEY when set)', paths: ['/metrics'], methods: ['get'], others: [], answer: { types: ['text/plain'], schema: 'AnyJson' }, errors: 'none' },
];
