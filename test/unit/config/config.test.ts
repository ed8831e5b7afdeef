import { join } from 'node:path';
import { loadConfig } from '../../../src/config/config';

describe('loadConfig', () => {
  test('defaults', () => {
    expect(loadConfig({})).toEqual({
      port: 8080, host: '0.0.0.0', esNodes: ['http://127.0.0.1:9200'], esMaxRetries: 3, esTracing: false, esBulkReads: 1, esShards: 'auto', esReplicas: 'auto',
      indexPrefix: '', esRequestTimeoutMs: 10000, databaseUrl: 'postgres://postgres@127.0.0.1:5432/portal_search', logLevel: 'info',
      http: { headersTimeoutMs: 10000, requestTimeoutMs: 30000, keepAliveTimeoutMs: 5000, sendTimeoutMs: 60000, pages: { maxBytes: 67108864, pieceRows: 200 }, largeAnswers: { atOnce: 'auto', waiting: 256, waitMs: 30000 }, metrics: {}, trustProxy: false, cacheMaxAgeSeconds: 60, compression: true, healthTimeoutMs: 2000 },
      quotas: { store: 'memory', anonymous: { perDay: 10000, perSecond: 20 }, key: { perDay: 100000, perSecond: 50 } },
      // Uploads: var/uploads in the checkout (this file is test/unit/config/), at most 1 GiB.
      uploads: { dir: join(__dirname, '..', '..', '..', 'var', 'uploads'), maxBytes: 1024 ** 3 },
    });
    expect(loadConfig({ UPLOAD_DIR: '/srv/uploads', UPLOAD_MAX_BYTES: '1000' }).uploads).toEqual({ dir: '/srv/uploads', maxBytes: 1000 });
    expect(() => loadConfig({ UPLOAD_MAX_BYTES: '0' })).toThrow(/UPLOAD_MAX_BYTES/);
    expect(loadConfig({ LARGE_ANSWERS_AT_ONCE: '4' }).http.largeAnswers.atOnce).toBe(4);
    expect(() => loadConfig({ LARGE_ANSWERS_AT_ONCE: '0' })).toThrow(/LARGE_ANSWERS_AT_ONCE/);
    expect(() => loadConfig({ LARGE_ANSWERS_AT_ONCE: 'many' })).toThrow(/LARGE_ANSWERS_AT_ONCE/);
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
    expect([loadConfig({}).http.compression, loadConfig({ RESPONSE_COMPRESSION: 'off' }).http.compression]).toEqual([true, false]);
    expect(() => loadConfig({ RESPONSE_COMPRESSION: 'gzip' })).toThrow(/RESPONSE_COMPRESSION: must be on or off/);
    expect(() => loadConfig({ QUOTA_STORE: 'redis' })).toThrow(/QUOTA_STORE/);
    expect(() => loadConfig({ QUOTA_KEY_PER_DAY: '0' })).toThrow(/QUOTA_KEY_PER_DAY/);
    expect(() => loadConfig({ HTTP_HEADERS_TIMEOUT_MS: '5000', HTTP_REQUEST_TIMEOUT_MS: '1000' })).toThrow(/HTTP_REQUEST_TIMEOUT_MS: must be at least/);
    expect(() => loadConfig({ ES_REQUEST_TIMEOUT_MS: '20000', HTTP_SEND_TIMEOUT_MS: '20000' })).toThrow(/HTTP_SEND_TIMEOUT_MS: must be longer than ES_REQUEST_TIMEOUT_MS/);
    expect(loadConfig({ HTTP_SEND_TIMEOUT_MS: '90000' }).http.sendTimeoutMs).toBe(90000);
    expect([loadConfig({ METRICS: 'off' }).http.metrics, loadConfig({ METRICS_KEY: 'k'.repeat(16) }).http.metrics]).toEqual([undefined, { key: 'k'.repeat(16) }]);
    expect(() => loadConfig({ METRICS_KEY: 'short' })).toThrow(/METRICS_KEY: at least 16 characters/);
  });

  test('several nodes, comma-separated, each an http(s) URL', () => {
    expect(loadConfig({ ES_URL: 'http://127.0.0.1:9301, http://127.0.0.1:9302,https://es3.example:9200' }).esNodes)
      .toEqual(['http://127.0.0.1:9301', 'http://127.0.0.1:9302', 'https://es3.example:9200']);
    expect(() => loadConfig({ ES_URL: 'http://a:9200,ftp://b' })).toThrow(/ES_URL: one or more http\(s\) URLs/);
    expect(() => loadConfig({ ES_URL: ' , ' })).toThrow(/ES_URL/);
  });

  test('an API key or basic authentication, not both, and a CA file', () => {
    expect(loadConfig({ ES_API_KEY: 'aWQ6a2V5' }).esAuth).toEqual({ apiKey: 'aWQ6a2V5' });
    expect(loadConfig({ ES_USERNAME: 'elastic', ES_PASSWORD: 's3cret', ES_CA_FILE: '/etc/es/ca.pem' }))
      .toMatchObject({ esAuth: { username: 'elastic', password: 's3cret' }, esCaFile: '/etc/es/ca.pem' });
    expect(loadConfig({}).esAuth).toBeUndefined();
    expect(() => loadConfig({ ES_API_KEY: 'k', ES_USERNAME: 'u', ES_PASSWORD: 'p' })).toThrow(/ES_API_KEY: give ES_API_KEY or ES_USERNAME, not both/);
    expect(() => loadConfig({ ES_USERNAME: 'u' })).toThrow(/ES_USERNAME: ES_USERNAME and ES_PASSWORD go together/);
  });

  test('shards and replicas: auto or a count', () => {
    expect(loadConfig({ ES_SHARDS: '3', ES_REPLICAS: '0' })).toMatchObject({ esShards: 3, esReplicas: 0 });
    expect(() => loadConfig({ ES_SHARDS: '0' })).toThrow(/ES_SHARDS/);
    expect(() => loadConfig({ ES_REPLICAS: 'many' })).toThrow(/ES_REPLICAS/);
  });
});
