import type { Express } from 'express';
import pino from 'pino';
import request from 'supertest';
import type { Deps } from '../../../src/execute/deps';
import { Metrics } from '../../../src/execute/metrics';
import { createApp } from '../../../src/http/app';
import { createEsClient } from '../../../src/execute/elasticsearch';
import { ogcOpenapiDocument } from '../../../src/http/openapi/ogcOpenapi';
import { validateOpenapi } from '../../support/validateOpenapi';

// The routes answer from the code alone: no store is touched (the client points nowhere, and no pool is given).
const es = createEsClient({ esNodes: ['http://127.0.0.1:1'], esRequestTimeoutMs: 1000 });
const app: Express = createApp({ es } as Deps, pino({ level: 'silent' }), { metrics: { metrics: new Metrics({ defaults: false }) } });
afterAll(() => es.close());

interface Operation { operationId: string; parameters?: Array<{ name: string; in: string; description?: string; schema?: Record<string, unknown>; required?: boolean }>; requestBody?: unknown; responses: Record<string, unknown> }
type Doc = { openapi: string; paths: Record<string, Record<string, Operation>>; components: { securitySchemes: Record<string, { type: string; in?: string; name?: string; scheme?: string }> } };
let doc: Doc;
beforeAll(async () => {
  const res = await request(app).get('/api/openapi.json');
  expect([res.status, res.headers['content-type']]).toEqual([200, expect.stringMatching(/^application\/json/)]);
  doc = res.body as Doc;
});

/** The routes Express has mounted, with their methods (`_all`: every method the route accepts, here GET and POST). */
function mountedRoutes(): Array<{ path: string; methods: string[] }> {
  type Layer = { route?: { path: string | string[]; methods: Record<string, boolean> }; handle?: { stack?: Layer[] } };
  const out: Array<{ path: string; methods: string[] }> = [];
  const walk = (stack: Layer[]): void => {
    for (const l of stack) {
      if (l.route) {
        const methods = Object.keys(l.route.methods).flatMap((m) => (m === '_all' ? ['get', 'post'] : [m]));
        for (const path of [l.route.path].flat()) out.push({ path, methods });
      } else if (l.handle?.stack) walk(l.handle.stack);
    }
  };
  walk((app as unknown as { router: { stack: Layer[] } }).router.stack);
  return out;
}

/** Express 5's pattern as OpenAPI paths, written here from the two syntaxes' definitions: `:x` is `{x}`, and `{/:x}` an optional segment. */
function asOpenapi(pattern: string): string[] {
  const named = (p: string): string => p.replace(/:([A-Za-z_]\w*)/g, '{$1}');
  const m = /^(.*)\{\/:(\w+)\}$/.exec(pattern);
  return m ? [named(m[1]), `${named(m[1])}/{${m[2]}}`] : [named(pattern)];
}

describe('/api/openapi.json', () => {
  test('is a valid OpenAPI 3.1 document', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(validateOpenapi(doc)).toEqual({ valid: true, errors: [] });
    // The validator does fail a broken document: a parameter in no known place.
    const broken = structuredClone(doc);
    broken.paths['/api/records/1.0/search'].get.parameters![0].in = 'nowhere';
    expect(validateOpenapi(broken).valid).toBe(false);
  });

  test('every route mounted in Express is in it, with its methods, and nothing else is', () => {
    const expected = new Set(mountedRoutes().flatMap((r) => asOpenapi(r.path).flatMap((p) => r.methods.map((m) => `${m.toUpperCase()} ${p}`))));
    const documented = new Set(Object.entries(doc.paths).flatMap(([p, item]) => Object.keys(item).map((m) => `${m.toUpperCase()} ${p}`)));
    expect(expected.size).toBeGreaterThan(100);
    expect([...expected].filter((x) => !documented.has(x))).toEqual([]);
    expect([...documented].filter((x) => !expected.has(x))).toEqual([]);
  });

  test('every parameter has a description and a schema; limits and defaults come from the validating schemas', () => {
    const ops = Object.values(doc.paths).flatMap((item) => Object.values(item));
    for (const op of ops) {
      for (const p of op.parameters ?? []) expect([op.operationId, p.name, (p.description ?? '').length > 0, p.schema !== undefined]).toEqual([op.operationId, p.name, true, true]);
    }
    const search = doc.paths['/api/records/1.0/search'].get;
    const param = (name: string) => search.parameters!.find((p) => p.name === name)!;
    // ODS: rows at most 10,000 (reference/ods-v1.md), default 10; format json by default.
    expect(param('rows').schema).toMatchObject({ type: 'number', maximum: 10000, default: 10 });
    expect(param('format').schema).toMatchObject({ enum: expect.arrayContaining(['json', 'jsonp', 'geojson', 'geojsonp', 'csv']), default: 'json' });
    expect(param('pretty_print').schema).toMatchObject({ enum: ['true', 'false'], default: false });
    expect(param('dataset').required).toBe(true);
    // A POST carries the same parameters in a form or JSON body.
    expect(Object.keys((doc.paths['/api/records/1.0/search'].post.requestBody as { content: Record<string, unknown> }).content).sort()).toEqual(['application/json', 'application/x-www-form-urlencoded']);
    // Path parameters are documented as such.
    expect(doc.paths['/{domain}/api2/records/search'].get.parameters!.find((p) => p.name === 'domain')).toMatchObject({ in: 'path', required: true });
  });

  test('error bodies in each dialect\'s shape, and the four ways a key may come', () => {
    expect(Object.keys(doc.paths['/api/records/1.0/search'].get.responses)).toEqual(expect.arrayContaining(['200', '400', '404', '429', '503']));
    expect(JSON.stringify(doc.paths['/api/records/1.0/search'].get.responses['400'])).toContain('#/components/schemas/OdsError');
    expect(JSON.stringify(doc.paths['/api/3/action/datastore_search'].get.responses['409'])).toContain('#/components/schemas/CkanError');
    const schemes = Object.values(doc.components.securitySchemes).map((s) => `${s.type}:${s.in ?? ''}:${s.name ?? s.scheme}`).sort();
    expect(schemes).toEqual(['apiKey:header:Authorization', 'apiKey:header:X-CKAN-API-Key', 'apiKey:query:apikey', 'http::bearer']);
  });
});

describe('/api/docs', () => {
  test('a page that loads Swagger UI from this server (no CDN) and points it at the document', async () => {
    const page = await request(app).get('/api/docs');
    expect([page.status, page.headers['content-type']]).toEqual([200, expect.stringMatching(/^text\/html/)]);
    const sources = [...page.text.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(sources.every((s) => s.startsWith('/api/docs/assets/'))).toBe(true);
    expect(page.text).toContain("url: '/api/openapi.json'");
    for (const s of sources) {
      const asset = await request(app).get(s);
      expect([s, asset.status, asset.headers['content-type']]).toEqual([s, 200, expect.stringMatching(/javascript|css/)]);
    }
  });
});

describe('/ogc/api (OpenAPI 3.0, the OGC landing page\'s service-desc)', () => {
  const ogc = ogcOpenapiDocument('0.0.0', 'http://example.org/ogc') as unknown as Doc & { servers: Array<{ url: string }> };

  test('is a valid OpenAPI 3.0 document of the OGC resources, paths relative to the OGC root', () => {
    expect(ogc.openapi).toMatch(/^3\.0\./);
    expect(validateOpenapi(ogc)).toEqual({ valid: true, errors: [] });
    expect(ogc.servers).toEqual([{ url: 'http://example.org/ogc' }]);
    // The same resources as the /ogc routes of the whole document, without their prefix.
    const ogcPaths = Object.keys(doc.paths).filter((p) => p.startsWith('/ogc')).map((p) => p.slice(4) || '/').sort();
    expect(Object.keys(ogc.paths).sort()).toEqual(ogcPaths);
  });

  test('items takes filter, filter-lang (cql2-text, and the drafts\' cql-text GDAL 3.6 looks for) and filter-crs', () => {
    const params = ogc.paths['/collections/{collectionId}/items'].get.parameters!;
    const byName = new Map(params.map((p) => [p.name, p]));
    // 19-079r2 /req/filter/filter-lang-param B and C: the enum lists the encodings taken, the default is the one assumed.
    expect(byName.get('filter-lang')!.schema).toMatchObject({ type: 'string', enum: ['cql2-text', 'cql-text'], default: 'cql2-text' });
    for (const name of ['filter', 'filter-crs', 'bbox', 'datetime', 'limit']) expect([name, (byName.get(name)?.description ?? '').length > 0]).toEqual([name, true]);
  });
});
