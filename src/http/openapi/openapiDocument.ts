import { z } from 'zod';
import { ENDPOINT_FAMILIES, type EndpointFamily } from './endpoints';
import { PARAMETER_DOCS } from './parameterDocs';
import { RECORDS_EXAMPLE, RESPONSE_SCHEMAS, type JsonSchema } from './responseSchemas';

/** The JSON Schema dialect of the parameters: OpenAPI 3.1's (JSON Schema 2020-12), or OpenAPI 3.0's subset (the OGC API's `/ogc/api`). */
export type SchemaTarget = 'draft-2020-12' | 'openapi-3.0';

/** Parameters that may be given more than once. */
const REPEATABLE = new Set(['q', 'facet', 'sort', 'x', 'refine.{field}', 'exclude.{field}', 'geofilter.distance', 'geofilter.polygon', 'geofilter.bbox', 'fq_list']);
/** Parameters without which the endpoint answers 400 (or CKAN's 409). */
const REQUIRED = new Set(['dataset', 'resource_id']);

/** The OpenAPI paths of an Express pattern: `:x` → `{x}`, and an optional `{/:params}` tail (d4c's parameters after the last slash) as a path without and one with it. */
export function openapiPaths(pattern: string): string[] {
  const open = (p: string): string => p.replace(/:(\w+)/g, '{$1}');
  const optional = /\{\/:(\w+)\}$/.exec(pattern);
  if (!optional) return [open(pattern)];
  const base = pattern.slice(0, optional.index);
  return [open(base), `${open(base)}/{${optional[1]}}`];
}

/**
 * A parameter's JSON Schema, from the zod schema that validates it: what it becomes once read
 * (a number and its limits, for a number sent as text), or what a client sends when what it
 * becomes has no JSON Schema (a `true`/`false` read as a boolean).
 */
function schemaOf(type: z.ZodType, target: SchemaTarget): JsonSchema {
  const side = (io: 'input' | 'output'): JsonSchema => {
    const schema = z.toJSONSchema(type, { io, unrepresentable: 'any', target }) as JsonSchema;
    // OpenAPI 3.1 states the dialect once, for the whole document.
    delete schema.$schema;
    return schema;
  };
  const output = side('output');
  const { default: _default, ...shape } = output;
  return Object.keys(shape).length > 0 ? output : { ...side('input'), ...(_default !== undefined ? { default: _default } : {}) };
}

/** Every parameter of a family (but the path's): name, JSON Schema, whether required. */
function familyParameters(f: EndpointFamily, target: SchemaTarget = 'draft-2020-12'): Array<{ name: string; schema: JsonSchema; required: boolean }> {
  const fromZod = Object.entries(f.scalars?.shape ?? {}).map(([name, type]) => ({ name, schema: schemaOf(type as z.ZodType, target), required: false }));
  const seen = new Set(fromZod.map((p) => p.name));
  const others = f.others.filter((n) => !seen.has(n)).map((name) => ({
    name, required: REQUIRED.has(name), schema: REPEATABLE.has(name) ? { type: 'array', items: { type: 'string' } } : { type: 'string' },
  }));
  return [...others, ...fromZod];
}

export const describe = (name: string): string => PARAMETER_DOCS[name] ?? '';

export function queryParameters(f: EndpointFamily, target: SchemaTarget = 'draft-2020-12'): JsonSchema[] {
  return familyParameters(f, target).map((p) => ({
    name: p.name, in: 'query', required: p.required, description: describe(p.name), schema: p.schema,
    ...(p.schema.type === 'array' ? { style: 'form', explode: true } : {}),
  }));
}

/** The same parameters as a POST body holds them (form-encoded or JSON). */
function bodySchema(f: EndpointFamily): JsonSchema {
  const params = familyParameters(f);
  return {
    type: 'object',
    properties: Object.fromEntries(params.map((p) => [p.name, { ...p.schema, description: describe(p.name) }])),
    ...(params.some((p) => p.required) ? { required: params.filter((p) => p.required).map((p) => p.name) } : {}),
  };
}

const ref = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });

function answer(f: EndpointFamily): JsonSchema {
  if (f.answer.types.length === 0) return { description: 'Done; no body.' };
  const content = Object.fromEntries(f.answer.types.map((type) => {
    if (type === 'application/json') return [type, { schema: ref(f.answer.schema), ...(f.id === 'records-search' ? { example: RECORDS_EXAMPLE } : {}) }];
    if (type === 'application/geo+json') return [type, { schema: ref('FeatureCollection') }];
    return [type, { schema: { type: 'string' } }];
  }));
  return { description: 'The answer, in the format asked for (JSONP as text/javascript).', content };
}

const ODS_ERRORS: Record<string, string> = {
  400: 'A bad parameter: the body names it (`parameter`), and for a query-language error its `position`.',
  401: 'An unknown or revoked API key.', 403: 'A dataset the key may not read.', 404: 'No such dataset or record.',
  429: 'Over a quota: `Retry-After`, and ODS\'s 10002 (10005 for anonymous callers).',
  503: 'A store is unavailable, or too many downloads, exports and large pages are being sent at once: `Retry-After`.', 504: 'Elasticsearch took longer than its budget.',
};
const CKAN_ERRORS: Record<string, string> = {
  400: 'An unreadable request.', 403: 'Not authorised.', 404: 'Not found.', 409: 'A bad parameter (CKAN\'s Validation Error, naming it).',
  429: 'Over a quota.', 503: 'A store is unavailable, or too many large answers are being sent at once.', 504: 'Elasticsearch took longer than its budget.',
};

const PROBLEM_ERRORS: Record<string, string> = {
  400: 'A bad parameter or form field (named in `parameter`).', 401: 'No API key, or an unknown or revoked one.',
  403: 'A key whose role or domain does not allow this call.', 404: 'No such dataset or job among those this key manages.',
  409: 'The dataset exists already, or a job is publishing it.', 413: 'An upload over UPLOAD_MAX_BYTES.',
  415: 'An upload that is not multipart/form-data.', 422: 'A descriptor, file or change that cannot be used: `errors` lists every problem.',
  429: 'Over a quota.', 503: 'A store is unavailable.',
};

export const OGC_ERRORS: Record<string, string> = {
  400: 'A bad or unknown parameter: bbox, bbox-crs, datetime, crs, limit, cursor, filter (CQL2, with the position of the problem), filter-lang, filter-crs, a property that is no facet (`code` InvalidParameterValue, `parameter` names it).',
  404: 'No such collection or feature among those the caller may read.', 429: 'Over a quota.', 503: 'A store is unavailable, or too many large answers are being sent at once.', 504: 'Elasticsearch took longer than its budget.',
};

/** The upload form of the management API: the file, and the descriptor or its parts. */
const UPLOAD_FORM: JsonSchema = {
  type: 'object', required: ['file'],
  properties: {
    file: { type: 'string', format: 'binary', description: 'The source file: CSV, GeoJSON, JSON, NDJSON, XLSX, GeoPackage or a zipped Shapefile.' },
    descriptor: { type: 'string', description: 'A descriptor (JSON, as for `portal-search ingest`) without source path; fields inferred when it has none.' },
    id: { type: 'string' }, title: { type: 'string' }, domain: { type: 'string' }, visibility: { enum: ['public', 'private'] }, state: { enum: ['draft', 'published'] },
    format: { type: 'string', description: 'The source format, when the file name does not tell it.' }, delimiter: { type: 'string' }, encoding: { type: 'string' },
    layer: { type: 'string' }, crs: { type: 'string', description: 'The source CRS when the file does not tell it (EPSG:2154).' }, sheet: { type: 'string' },
    max_warning_share: { type: 'string', description: 'Most rows that may warn: 0.05 or 5% (the default).' }, take_over: { enum: ['true', 'false'] },
  },
};

function errors(f: EndpointFamily): Record<string, JsonSchema> {
  if (f.errors === 'none') return {};
  if (f.errors === 'problem') {
    return Object.fromEntries(Object.entries(PROBLEM_ERRORS).map(([status, description]) => [status, { description, content: { 'application/problem+json': { schema: ref('Problem') } } }]));
  }
  const [table, schema] = f.errors === 'ods' ? [ODS_ERRORS, 'OdsError'] : f.errors === 'ogc' ? [OGC_ERRORS, 'OgcException'] : [CKAN_ERRORS, 'CkanError'];
  return Object.fromEntries(Object.entries(table).map(([status, description]) => [status, { description, content: { 'application/json': { schema: ref(schema) } } }]));
}

function requestBody(f: EndpointFamily, method: string): JsonSchema {
  if (f.body?.kind === 'upload') return { requestBody: { required: true, content: { 'multipart/form-data': { schema: UPLOAD_FORM } } } };
  if (f.body?.kind === 'json') return { requestBody: { required: true, content: { 'application/json': { schema: ref(f.body.schema) } } } };
  if (method !== 'post' || familyParameters(f).length === 0) return {};
  return { requestBody: { content: { 'application/x-www-form-urlencoded': { schema: bodySchema(f) }, 'application/json': { schema: bodySchema(f) } } } };
}

/** The management API takes no anonymous call. */
const KEY_NEEDED = [{ apikeyHeader: [] }, { bearer: [] }, { apikeyParameter: [] }];

function operation(f: EndpointFamily, method: EndpointFamily['methods'][number], path: string, index: number): JsonSchema {
  const pathParams = [...path.matchAll(/\{(\w+)\}/g)].map((m) => ({
    name: m[1], in: 'path', required: true, schema: { type: 'string' },
    description: m[1] === 'domain' ? 'The domain (portal) the request is for.' : m[1] === 'params' ? 'Parameters written after the last slash, data4citizen-style (`a=1&b=2`).' : describe(m[1]) || `The ${m[1]}.`,
  }));
  return {
    operationId: `${f.id}-${method}-${index}`, tags: [f.tag], summary: f.summary,
    parameters: [...pathParams, ...(method === 'get' ? queryParameters(f) : [])],
    ...requestBody(f, method),
    responses: f.redirect !== undefined ? { 302: { description: `Redirects to ${f.redirect}.` } } : { [f.answer.status ?? 200]: answer(f), ...errors(f) },
    ...(f.errors === 'problem' ? { security: KEY_NEEDED } : {}),
  };
}

/** The OpenAPI 3.1 document of the public API, generated from the endpoint families and their zod schemas. */
export function openapiDocument(version: string): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const f of ENDPOINT_FAMILIES) {
    let index = 0;
    for (const pattern of f.paths) {
      for (const path of openapiPaths(pattern)) {
        const item = (paths[path] ??= {});
        for (const method of f.methods) item[method] = operation(f, method, path, index++);
      }
    }
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'portal-search', version,
      description: 'Search API server for open-data portals: the OpenDataSoft Search API v1, data4citizen api2 and 2.0, and the CKAN action API, over Elasticsearch and PostgreSQL; and its management API (uploads, jobs, keys).',
      license: { name: 'See the repository' },
    },
    servers: [{ url: '/' }],
    tags: [...new Set(ENDPOINT_FAMILIES.map((f) => f.tag))].map((name) => ({ name })),
    // Anonymous calls are allowed; a key may come in four ways.
    security: [{}, { apikeyParameter: [] }, { apikeyHeader: [] }, { bearer: [] }, { ckanKey: [] }],
    paths,
    components: {
      schemas: { ...RESPONSE_SCHEMAS, AnyJson: {} },
      securitySchemes: {
        apikeyParameter: { type: 'apiKey', in: 'query', name: 'apikey', description: 'The key as a parameter (or after the last slash of a d4c path). Never with JSONP.' },
        apikeyHeader: { type: 'apiKey', in: 'header', name: 'Authorization', description: '`Authorization: Apikey <key>` (ODS).' },
        bearer: { type: 'http', scheme: 'bearer', description: '`Authorization: Bearer <key>`.' },
        ckanKey: { type: 'apiKey', in: 'header', name: 'X-CKAN-API-Key', description: 'CKAN\'s header.' },
      },
    },
  };
}
