import { ENDPOINT_FAMILIES, type EndpointFamily } from './endpoints';
import { describe, OGC_ERRORS, queryParameters } from './openapiDocument';
import type { JsonSchema } from './responseSchemas';

/** The answers' schemas in OpenAPI 3.0's JSON Schema subset (no `const`, no type arrays). */
const SCHEMAS: Record<string, JsonSchema> = {
  OgcException: { type: 'object', required: ['code'], properties: { code: { type: 'string' }, description: { type: 'string' }, parameter: { type: 'string' } } },
  FeatureCollection: {
    type: 'object', required: ['type', 'features'],
    properties: {
      type: { type: 'string', enum: ['FeatureCollection'] }, numberMatched: { type: 'integer' }, numberReturned: { type: 'integer' },
      features: { type: 'array', items: { $ref: '#/components/schemas/Feature' } }, links: { type: 'array', items: { type: 'object' } },
    },
  },
  Feature: {
    type: 'object', required: ['type', 'geometry', 'properties'],
    properties: { type: { type: 'string', enum: ['Feature'] }, id: { type: 'string' }, geometry: { type: 'object', nullable: true }, properties: { type: 'object', nullable: true } },
  },
  AnyJson: {},
};

const ref = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });

/** The answer of an OGC resource: its types (JSON Schema for queryables) with their schemas. */
function answer(f: EndpointFamily): JsonSchema {
  const schema = f.id === 'ogc-items' ? ref('FeatureCollection') : f.id === 'ogc-feature' ? ref('Feature') : ref('AnyJson');
  return { description: f.summary, content: Object.fromEntries(f.answer.types.map((t) => [t, { schema }])) };
}

function operation(f: EndpointFamily, path: string): JsonSchema {
  const pathParams = [...path.matchAll(/\{(\w+)\}/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' }, description: describe(m[1]) || `The ${m[1]}.` }));
  const errors = Object.fromEntries(Object.entries(OGC_ERRORS).map(([status, description]) => [status, { description, content: { 'application/json': { schema: ref('OgcException') } } }]));
  return {
    operationId: f.id, tags: [f.tag], summary: f.summary,
    parameters: [...pathParams, ...queryParameters(f, 'openapi-3.0')],
    responses: { 200: answer(f), ...errors },
  };
}

/**
 * `/ogc/api`: the OpenAPI 3.0 document of the OGC API – Features resources (what OGC clients
 * such as GDAL read), made from the same endpoint families and zod schemas as
 * `/api/openapi.json`, with paths relative to the OGC root the request came through.
 */
export function ogcOpenapiDocument(version: string, serverUrl: string): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const f of ENDPOINT_FAMILIES.filter((e) => e.errors === 'ogc')) {
    const pattern = f.paths.find((p) => p.startsWith('/ogc'));
    if (pattern === undefined) continue;
    const path = pattern.slice('/ogc'.length).replace(/:(\w+)/g, '{$1}') || '/';
    paths[path] = { get: operation(f, path) };
  }
  return {
    openapi: '3.0.3',
    info: { title: 'portal-search: OGC API – Features', version, description: 'The geographic datasets of this portal as OGC API – Features collections (Parts 1, 2 and 3).', license: { name: 'See the repository' } },
    servers: [{ url: serverUrl }],
    tags: [{ name: 'OGC API – Features' }],
    paths,
    components: { schemas: SCHEMAS },
  };
}
