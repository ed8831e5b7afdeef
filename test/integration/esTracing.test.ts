import { trace, type Span, type Tracer, type TracerProvider } from '@opentelemetry/api';
import { loadConfig } from '../../src/config/config';
import { createEsClient } from '../../src/execute/elasticsearch';

/**
 * The Elasticsearch client opens no OpenTelemetry span unless OTEL_ELASTICSEARCH_ENABLED=true.
 * The transport asks the global tracer for one on every request; this server registers no tracer,
 * so by default a span could only cost. A provider that records the spans it is asked for stands
 * in for the one an application (an APM agent, say) would register.
 */
const ES_URL = process.env.ES_URL ?? 'http://127.0.0.1:9200';
let asked: string[];

beforeEach(() => {
  asked = [];
  const tracer = {
    startActiveSpan: (name: string, ...rest: unknown[]) => {
      asked.push(name);
      const run = rest[rest.length - 1] as (span: Span) => unknown;
      return run(trace.wrapSpanContext({ traceId: `${'0'.repeat(31)}1`, spanId: `${'0'.repeat(15)}1`, traceFlags: 0 }));
    },
  } as unknown as Tracer;
  expect(trace.setGlobalTracerProvider({ getTracer: () => tracer } satisfies TracerProvider)).toBe(true);
});
afterEach(() => trace.disable());

async function healthThenSearch(env: Record<string, string>): Promise<void> {
  const es = createEsClient(loadConfig({ ES_URL, ...env }));
  try {
    expect((await es.cluster.health()).status).toMatch(/green|yellow/);
    const found = await es.search({ index: '*', size: 0, ignore_unavailable: true, allow_no_indices: true });
    expect(found.hits).toBeDefined();
  } finally {
    await es.close();
  }
}

test('by default, a cluster health and a search ask the tracer for nothing', async () => {
  await healthThenSearch({});
  expect(asked).toEqual([]);
});

test('with OTEL_ELASTICSEARCH_ENABLED=true, each request is a span named after its API', async () => {
  await healthThenSearch({ OTEL_ELASTICSEARCH_ENABLED: 'true' });
  expect(asked).toEqual(['cluster.health', 'search']);
});

test('OTEL_ELASTICSEARCH_ENABLED takes true or false, and nothing else', () => {
  expect(() => loadConfig({ ES_URL, OTEL_ELASTICSEARCH_ENABLED: 'yes' })).toThrow(/OTEL_ELASTICSEARCH_ENABLED/);
  expect(loadConfig({ ES_URL, OTEL_ELASTICSEARCH_ENABLED: 'false' }).esTracing).toBe(false);
});
