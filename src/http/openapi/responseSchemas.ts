/** A JSON Schema (2020-12, as OpenAPI 3.1 takes it). */
export type JsonSchema = Record<string, unknown>;

const record: JsonSchema = {
  type: 'object', required: ['datasetid', 'recordid', 'fields', 'record_timestamp'],
  properties: {
    datasetid: { type: 'string' }, recordid: { type: 'string', description: 'SHA-1 of the record as published' },
    fields: { type: 'object', additionalProperties: true }, geometry: { type: 'object', description: 'GeoJSON Point' },
    record_timestamp: { type: 'string', format: 'date-time' },
  },
};
const facetGroup: JsonSchema = {
  type: 'object', properties: { name: { type: 'string' }, facets: { type: 'array', items: { type: 'object', properties: { name: { type: 'string' }, path: { type: 'string' }, count: { type: 'integer' }, state: { enum: ['displayed', 'refined', 'excluded'] }, facets: { type: 'array' } } } } },
};

/** The response bodies the document describes, by name (components.schemas). */
export const RESPONSE_SCHEMAS: Record<string, JsonSchema> = {
  OdsError: {
    type: 'object', required: ['errorcode', 'error'],
    properties: { errorcode: { type: 'integer', description: 'ODS error code (10002 quota, 10005 anonymous quota, 10010 bad parameter…)' }, error: { type: 'string' }, parameter: { type: 'string', description: 'The parameter at fault' }, position: { type: 'integer', description: 'Position of a query-language error in `q`' } },
  },
  OgcException: {
    type: 'object', required: ['code'],
    properties: { code: { type: 'string' }, description: { type: 'string' }, parameter: { type: 'string' } },
  },
  CkanError: {
    type: 'object', required: ['success', 'error'],
    properties: { success: { const: false }, help: { type: 'string' }, error: { type: 'object', required: ['__type', 'message'], properties: { __type: { type: 'string', description: 'Validation Error, Not Found Error, Authorization Error, Search Error…' }, message: { type: 'string' } }, additionalProperties: true } },
  },
  Record: record,
  FacetGroup: facetGroup,
  RecordsPage: {
    type: 'object', required: ['nhits', 'parameters', 'records'],
    properties: { nhits: { type: 'integer' }, parameters: { type: 'object' }, records: { type: 'array', items: { $ref: '#/components/schemas/Record' } }, facet_groups: { type: 'array', items: { $ref: '#/components/schemas/FacetGroup' } } },
  },
  FeatureCollection: {
    type: 'object', required: ['type', 'features'],
    properties: { type: { const: 'FeatureCollection' }, features: { type: 'array', items: { type: 'object', properties: { type: { const: 'Feature' }, geometry: { type: ['object', 'null'] }, properties: { type: 'object' } } } } },
  },
  Dataset: {
    type: 'object', required: ['datasetid', 'metas', 'fields'],
    properties: { datasetid: { type: 'string' }, dataset_id: { type: 'string' }, has_records: { type: 'boolean' }, metas: { type: 'object' }, fields: { type: 'array', items: { type: 'object' } }, features: { type: 'array', items: { type: 'string' } }, extra_metas: { type: 'object' } },
  },
  CatalogPage: {
    type: 'object', required: ['nhits', 'parameters', 'datasets'],
    properties: { nhits: { type: 'integer' }, parameters: { type: 'object' }, datasets: { type: 'array', items: { $ref: '#/components/schemas/Dataset' } }, facet_groups: { type: 'array', items: { $ref: '#/components/schemas/FacetGroup' } } },
  },
  CkanResult: {
    type: 'object', required: ['success', 'result'],
    properties: { help: { type: 'string' }, success: { const: true }, result: { description: 'The action\'s result: a DataStore page, a package_search page, a package or the status' } },
  },
  Problem: {
    type: 'object', required: ['type', 'title', 'status', 'detail'], description: 'RFC 9457 problem details',
    properties: {
      type: { type: 'string', description: '`urn:portal-search:error:<code>`: the code of the README\'s error table' }, title: { type: 'string' }, status: { type: 'integer' },
      detail: { type: 'string', description: 'What was wrong' }, instance: { type: 'string' }, code: { type: 'string' }, parameter: { type: 'string' },
      errors: { type: 'array', items: { type: 'string' }, description: 'Every problem of a validation (422), each with its path' },
    },
  },
  Job: {
    type: 'object',
    required: ['id', 'dataset_id', 'domain', 'status', 'phase', 'rows_read', 'rows_published', 'rows_indexed', 'rows_warned', 'warnings', 'error', 'cancel_requested', 'filename', 'created_at', 'updated_at', 'finished_at', 'links'],
    properties: {
      id: { type: 'integer' }, dataset_id: { type: 'string' }, domain: { type: ['string', 'null'] }, status: { enum: ['PENDING', 'RUNNING', 'COMPLETED', 'FAILED', 'CANCELLED'] },
      phase: { enum: ['reading', 'indexing', 'cataloguing', null] }, rows_read: { type: 'integer' }, rows_published: { type: 'integer' }, rows_indexed: { type: 'integer' },
      rows_warned: { type: 'integer' }, warnings: { type: 'array', items: { type: 'object', properties: { position: { type: 'integer' }, field: { type: 'string' }, message: { type: 'string' } } } },
      error: { type: ['string', 'null'] }, cancel_requested: { type: 'boolean', description: 'A cancel was asked for and the job has not stopped yet' },
      filename: { type: ['string', 'null'], description: 'The uploaded file\'s name' },
      created_at: { type: 'string', format: 'date-time' }, updated_at: { type: 'string', format: 'date-time' }, finished_at: { type: ['string', 'null'], format: 'date-time' },
      links: { type: 'object', properties: { self: { type: 'string' }, events: { type: 'string' }, dataset: { type: 'string' } } },
    },
  },
  JobList: { type: 'object', required: ['total', 'jobs'], properties: { total: { type: 'integer' }, limit: { type: 'integer' }, offset: { type: 'integer' }, jobs: { type: 'array', items: { $ref: '#/components/schemas/Job' } } } },
  ManagedDataset: {
    type: 'object', required: ['id', 'domain', 'title', 'visibility', 'state', 'status', 'records_count', 'version', 'published_at', 'updated_at', 'last_job', 'links'],
    description: 'A dataset; `metadata`, `fields` and `source` in the answer about one dataset only',
    properties: {
      id: { type: 'string' }, domain: { type: 'string' }, title: { type: 'string' }, visibility: { enum: ['public', 'private'] }, state: { enum: ['draft', 'published'] },
      status: { enum: ['processing', 'ready', 'failed', 'empty'] }, records_count: { type: 'integer' }, version: { type: ['integer', 'null'] },
      published_at: { type: ['string', 'null'], format: 'date-time' }, updated_at: { type: 'string', format: 'date-time' },
      last_job: { type: ['object', 'null'], properties: { id: { type: 'integer' }, status: { enum: ['PENDING', 'RUNNING', 'COMPLETED', 'FAILED', 'CANCELLED'] }, finished_at: { type: ['string', 'null'] }, error: { type: ['string', 'null'] } } },
      links: { type: 'object', properties: { self: { type: 'string' }, features: { type: 'string' }, jobs: { type: 'string' } } },
      metadata: { type: 'object' }, fields: { type: 'array' }, source: { type: ['object', 'null'] },
    },
  },
  ManagedDatasetList: { type: 'object', required: ['total', 'datasets'], properties: { total: { type: 'integer' }, limit: { type: 'integer' }, offset: { type: 'integer' }, datasets: { type: 'array', items: { $ref: '#/components/schemas/ManagedDataset' } } } },
  DatasetChange: {
    type: 'object', additionalProperties: false,
    properties: { metadata: { type: 'object', description: 'Metadata keys to set; null removes one' }, visibility: { enum: ['public', 'private'] }, state: { enum: ['draft', 'published'] } },
  },
  Rule: { type: 'object', required: ['capability'], properties: { name: { type: 'string', description: 'Names the rule and its fields (default: capability_N)' }, capability: { type: 'string' }, config: { type: 'object' } } },
  RuleList: { type: 'object', required: ['rules'], properties: { rules: { type: 'array', items: { $ref: '#/components/schemas/Rule' } } } },
  JobInput: { type: 'object', required: ['dataset'], additionalProperties: false, properties: { dataset: { type: 'string' }, rules: { type: 'array', items: { $ref: '#/components/schemas/Rule' } } } },
  Preview: {
    type: 'object', required: ['descriptor', 'records', 'warnings'],
    properties: {
      descriptor: { type: 'object', description: 'A descriptor publishing would use: types, labels, suggested annotations' }, records: { type: 'array', items: { $ref: '#/components/schemas/Record' } },
      rows_read: { type: 'integer' }, rows_warned: { type: 'integer' }, columns: { type: 'array', items: { type: 'string' } }, warnings: { type: 'array' }, warning_count: { type: 'integer' },
      would_be_refused: { type: ['object', 'null'], description: 'Why publishing it as proposed would be refused, if it would' },
    },
  },
  DomainInput: { type: 'object', required: ['id'], additionalProperties: false, properties: { id: { type: 'string' }, title: { type: 'string' }, include_public: { type: 'boolean' } } },
  KeyInput: { type: 'object', required: ['domain'], additionalProperties: false, properties: { domain: { type: 'string' }, role: { enum: ['read', 'write', 'admin'] }, label: { type: 'string' } } },
  Health: { type: 'object', required: ['status'], properties: { status: { enum: ['ok', 'unavailable'] }, elasticsearch: { type: 'string' }, postgresql: { type: 'string' } } },
};

/** A records page as an example of the ODS envelope. */
export const RECORDS_EXAMPLE = {
  nhits: 1, parameters: { dataset: ['lieux-de-tournage-a-paris'], rows: 1, start: 0, format: 'json', timezone: 'UTC' },
  records: [{ datasetid: 'lieux-de-tournage-a-paris', recordid: '3b1e…', fields: { titre: 'Le Bureau des légendes', ardt_lieu: '75013' }, geometry: { type: 'Point', coordinates: [2.36, 48.83] }, record_timestamp: '2026-11-21T10:00:00Z' }],
};
