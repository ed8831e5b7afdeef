import { trace, type Span, type Tracer, type TracerProvider } from '@opentelemetry/api';
import { loadConfig } from '../../src/config/config';
import { createEsClient } from '../../src/execute/elasticsearch';

/**
 * The Elasticsearch client opens no OpenTelemetry span. The transport asks the global tracer for
 * one on every request; this server registers no tracer, so a span could only cost. A provider
 * that counts what it is asked for stands in for the one an embedding application might register.
 */
describe('tracing', () => {
  let asked: string[];
  beforeAll(() => {
    asked = [];
    const count = (name: string): never => { asked.push(name); throw new Error(`a span was asked for: ${name}`); };
    const tracer = { startSpan: count, startActiveSpan: count } as unknown as Tracer;
    expect(trace.setGlobalTracerProvider({ getTracer: () => tracer } satisfies TracerProvider)).toBe(true);
  });
  afterAll(() => trace.disable());

  test('a search and a cluster health ask the tracer for nothing', async () => {
    const es = createEsClient(loadConfig({ ES_URL: process.env.ES_URL ?? 'http://127.0.0.1:9200' }));
    try {
      expect((await es.cluster.health()).status).toMatch(/green|yellow/);
      const found = await es.search({ index: '*', size: 0, ignore_unavailable: true, allow_no_indices: true });
      expect(found.hits).toBeDefined();
    } finally {
      await es.close();
    }
    expect(asked).toEqual([]);
  });
});

/** The provider above really is asked when the transport's spans are on: the test can fail. */
test('the counting provider sees a span of a transport left as the client builds it', async () => {
  const asked: string[] = [];
  const tracer = { startActiveSpan: (name: string, ...rest: unknown[]) => { asked.push(name); const run = rest[rest.length - 1] as (s: Span) => unknown; return run(trace.wrapSpanContext({ traceId: '0'.repeat(31) + '1', spanId: '0'.repeat(15) + '1', traceFlags: 0 })); } } as unknown as Tracer;
  trace.disable();
  expect(trace.setGlobalTracerProvider({ getTracer: () => tracer } satisfies TracerProvider)).toBe(true);
  const { Client } = await import('@elastic/elasticsearch');
  const es = new Client({ node: process.env.ES_URL?.split(',')[0] ?? 'http://127.0.0.1:9200' });
  try {
    await es.cluster.health();
  } finally {
    await es.close();
    trace.disable();
  }
  expect(asked).toEqual(['cluster.health']);
});
