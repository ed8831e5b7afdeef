import { loadConfig } from '../../../src/config/config';

describe('loadConfig', () => {
  test('defaults', () => {
    expect(loadConfig({})).toEqual({
      port: 8080, host: '0.0.0.0', esUrl: 'http://127.0.0.1:9200', indexPrefix: '', esRequestTimeoutMs: 10000,
      databaseUrl: 'postgres://postgres@127.0.0.1:5432/portal_search', logLevel: 'info',
    });
  });

  test('values from the environment, and every bad one named', () => {
    expect(loadConfig({ PORT: '9000', ES_INDEX_PREFIX: 'test-' })).toMatchObject({ port: 9000, indexPrefix: 'test-' });
    expect(() => loadConfig({ PORT: 'abc', ES_URL: 'nope', ES_INDEX_PREFIX: 'A*' })).toThrow(/invalid configuration: PORT: .*; ES_URL: .*; ES_INDEX_PREFIX: /);
  });
});
