import { loadConfig } from '../../../src/config/config';

describe('loadConfig', () => {
  test('defaults', () => {
    expect(loadConfig({})).toEqual({
      port: 8080, host: '0.0.0.0', esUrl: 'http://127.0.0.1:9200', indexPrefix: '', esRequestTimeoutMs: 10000,
      databaseUrl: 'postgres://postgres@127.0.0.1:5432/portal_search', logLevel: 'info',
      http: { headersTimeoutMs: 10000, requestTimeoutMs: 30000, keepAliveTimeoutMs: 5000, trustProxy: false, cacheMaxAgeSeconds: 60, healthTimeoutMs: 2000 },
      quotas: { store: 'memory', anonymous: { perDay: 10000, perSecond: 20 }, key: { perDay: 100000, perSecond: 50 } },
    });
  });

  test('values from the environment, and every bad one named', () => {
    expect(loadConfig({ PORT: '9000', ES_INDEX_PREFIX: 'test-' })).toMatchObject({ port: 9000, indexPrefix: 'test-' });
    expect(() => loadConfig({ PORT: 'abc', ES_URL: 'nope', ES_INDEX_PREFIX: 'A*' })).toThrow(/invalid configuration: PORT: .*; ES_URL: .*; ES_INDEX_PREFIX: /);
  });

  test('quotas, HTTP limits and trust proxy', () => {
    const c = loadConfig({ QUOTA_STORE: 'postgresql', QUOTA_ANONYMOUS_PER_DAY: '5', QUOTA_KEY_PER_SECOND: '7', CACHE_MAX_AGE_SECONDS: '0', TRUST_PROXY: '2' });
    expect(c.quotas).toEqual({ store: 'postgresql', anonymous: { perDay: 5, perSecond: 20 }, key: { perDay: 100000, perSecond: 7 } });
    expect([c.http.cacheMaxAgeSeconds, c.http.trustProxy]).toEqual([0, 2]);
    expect(loadConfig({ TRUST_PROXY: 'loopback' }).http.trustProxy).toBe('loopback');
    expect(() => loadConfig({ QUOTA_STORE: 'redis' })).toThrow(/QUOTA_STORE/);
    expect(() => loadConfig({ QUOTA_KEY_PER_DAY: '0' })).toThrow(/QUOTA_KEY_PER_DAY/);
    expect(() => loadConfig({ HTTP_HEADERS_TIMEOUT_MS: '5000', HTTP_REQUEST_TIMEOUT_MS: '1000' })).toThrow(/HTTP_REQUEST_TIMEOUT_MS: must be at least/);
  });
});
