import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { errors } from '@elastic/elasticsearch';
import { loadConfig } from '../../src/config/config';
import { createEsClient } from '../../src/execute/elasticsearch';
import { FaultProxy } from '../support/faultProxy';

/**
 * How the client reaches an existing cluster: the credentials it sends (as Elasticsearch defines
 * them: `ApiKey <encoded>`, RFC 7617 Basic) and HTTPS trusted through ES_CA_FILE, checked through
 * a loopback proxy in front of the test node (which has security off and ignores them).
 */
const ES = new URL((process.env.ES_URL ?? 'http://127.0.0.1:9200').split(',')[0]);
let proxy: FaultProxy;
beforeAll(async () => { proxy = new FaultProxy(ES); await proxy.start(); });
afterAll(() => proxy.close());

describe('credentials', () => {
  test('ES_API_KEY is sent as `Authorization: ApiKey <key>`', async () => {
    const es = createEsClient(loadConfig({ ES_URL: proxy.url, ES_API_KEY: 'aWQ6c2VjcmV0' }));
    expect((await es.cluster.health()).status).toMatch(/green|yellow/);
    expect(proxy.lastHeaders.authorization).toBe('ApiKey aWQ6c2VjcmV0');
    await es.close();
  });

  test('ES_USERNAME and ES_PASSWORD are sent as Basic authentication', async () => {
    const es = createEsClient(loadConfig({ ES_URL: proxy.url, ES_USERNAME: 'portal', ES_PASSWORD: 'pâté:42' }));
    await es.cluster.health();
    expect(proxy.lastHeaders.authorization).toBe(`Basic ${Buffer.from('portal:pâté:42', 'utf8').toString('base64')}`);
    await es.close();
  });
});

describe('HTTPS', () => {
  test('a cluster whose certificate is signed by ES_CA_FILE is reached; without it the client refuses the connection', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'portal-search-tls-'));
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1',
      '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'ca.pem')], { stdio: 'ignore' });
    const tls = new FaultProxy(ES, { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'ca.pem')) });
    await tls.start();
    try {
      const trusted = createEsClient(loadConfig({ ES_URL: tls.url, ES_CA_FILE: join(dir, 'ca.pem') }));
      expect((await trusted.cluster.health()).status).toMatch(/green|yellow/);
      await trusted.close();
      const untrusted = createEsClient(loadConfig({ ES_URL: tls.url, ES_MAX_RETRIES: '0' }));
      await expect(untrusted.cluster.health()).rejects.toBeInstanceOf(errors.ConnectionError);
      await untrusted.close();
      expect(tls.requests).toBe(1);
    } finally {
      await tls.close();
    }
  });
});
