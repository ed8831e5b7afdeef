import { Client } from 'pg';
import request from 'supertest';
import { loadConfig } from '../../src/config/config';
import type { Deps } from '../../src/execute/deps';
import { openDeps } from '../../src/execute/openDeps';
import { catalogAlias, recordsAlias } from '../../src/schema/indexNames';
import { ingestFixture } from '../support/ingestFixture';
import { clusterPids, startCluster, stopCluster } from '../support/localCluster';
import { rawCsvObjects } from '../support/rawFixtures';
import { testApp } from '../support/recordsApp';
import { publishTinyCsv } from '../support/tinyDataset';

/**
 * Scale-out: the API over the three-node cluster of scripts/elasticsearch.sh (started here, and
 * stopped at the end unless ES_CLUSTER_KEEP=1), with its own database, under a mixed load while
 * one data node is killed by its pid and started again. Every other test runs on one node.
 */
const PREFIX = `${process.env.ES_INDEX_PREFIX || 'test-'}cluster-`;
const WORKERS = 4;
/** A bound on each worker's requests, whatever happens (the load normally stops well before). */
const MAX_PER_WORKER = 3000;

const velib = rawCsvObjects('velib-emplacement-des-stations.csv');
const chantiers = rawCsvObjects('chantiers-perturbants.csv');
const bigStations = velib.filter((r) => Number(r['Capacité de la station']) >= 40).length;

interface Probe { path: string; query: Record<string, string>; expect: (body: Record<string, unknown>) => boolean }
/** The mixed load: record searches with and without filters and facets, DataStore, catalog; each with its expected answer from the raw files. */
const PROBES: Probe[] = [
  { path: '/api/records/1.0/search', query: { dataset: 'velib-emplacement-des-stations', rows: '20' }, expect: (b) => b.nhits === velib.length },
  { path: '/api/records/1.0/search', query: { dataset: 'velib-emplacement-des-stations', q: 'capacity>=40', facet: 'capacity' }, expect: (b) => b.nhits === bigStations },
  { path: '/api/records/1.0/search', query: { dataset: 'chantiers-perturbants', facet: 'statut', rows: '5' }, expect: (b) => b.nhits === chantiers.length },
  { path: '/api/3/action/datastore_search', query: { resource_id: 'chantiers-perturbants', limit: '3' }, expect: (b) => (b.result as { total?: number })?.total === chantiers.length },
  { path: '/api/datasets/1.0/search', query: { 'refine.publisher': 'Ville de Paris' }, expect: (b) => b.nhits === 2 },
];

let deps: Deps & { close(): Promise<void> };
let app: ReturnType<typeof testApp>;

async function recreateDatabase(url: URL): Promise<void> {
  const admin = new URL(url.toString());
  admin.pathname = '/postgres';
  const pg = new Client({ connectionString: admin.toString() });
  await pg.connect();
  const name = url.pathname.slice(1);
  await pg.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await pg.query(`CREATE DATABASE "${name}"`);
  await pg.end();
}

beforeAll(async () => {
  const nodes = await startCluster();
  const db = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/portal_search_test');
  db.pathname = `${db.pathname}_cluster`;
  await recreateDatabase(db);
  deps = await openDeps(loadConfig({ ...process.env, ES_URL: nodes.join(','), DATABASE_URL: db.toString(), ES_INDEX_PREFIX: PREFIX, ES_SHARDS: 'auto', ES_REPLICAS: 'auto' }));
  await deps.es.indices.delete({ index: `${PREFIX}*`, ignore_unavailable: true, allow_no_indices: true, expand_wildcards: 'all' });
  await ingestFixture(deps, 'velib-emplacement-des-stations');
  await ingestFixture(deps, 'chantiers-perturbants');
  app = testApp(deps);
}, 600_000);

afterAll(async () => {
  await deps?.close();
  if (process.env.ES_CLUSTER_KEEP !== '1') await stopCluster();
}, 180_000);

/** Workers sending the probes in turn until told to stop; every answer is checked. */
function mixedLoad() {
  const failures: string[] = [];
  let completed = 0;
  let stopping = false;
  const waiters: Array<{ count: number; resolve: () => void }> = [];
  const settle = (all = false) => {
    for (const w of [...waiters]) if (all || completed >= w.count) { w.resolve(); waiters.splice(waiters.indexOf(w), 1); }
  };
  const worker = async (offset: number) => {
    for (let i = 0; i < MAX_PER_WORKER && !stopping; i++) {
      const probe = PROBES[(offset + i) % PROBES.length];
      const res = await request(app).get(probe.path).query(probe.query);
      if (res.status !== 200 || !probe.expect(res.body)) failures.push(`${res.status} ${probe.path} ${JSON.stringify(probe.query)}: ${res.text.slice(0, 200)}`);
      completed++;
      settle();
    }
  };
  const done = Promise.all(Array.from({ length: WORKERS }, (_, w) => worker(w))).then(() => settle(true));
  return {
    failures,
    get completed() { return completed; },
    /** Resolves once `count` requests are answered (or the workers have stopped). */
    reached: (count: number) => new Promise<void>((resolve) => { waiters.push({ count, resolve }); settle(); }),
    stop: async () => { stopping = true; await done; },
  };
}

describe('a three-node cluster', () => {
  test('indices get one replica; under load, a killed data node costs no request, the cluster goes yellow then green, and a publish meanwhile converges', async () => {
    const settings = await deps.es.indices.getSettings({ index: [recordsAlias(PREFIX, 'velib-emplacement-des-stations'), catalogAlias(PREFIX)] });
    expect(Object.values(settings).map((s) => [s.settings?.index?.number_of_shards, s.settings?.index?.number_of_replicas])).toEqual([['1', '1'], ['1', '1']]);
    expect((await deps.es.cluster.health({ wait_for_status: 'green', timeout: '120s' })).status).toBe('green');

    const load = mixedLoad();
    try {
      await load.reached(40);
      // The victim: a node that holds shard copies of ours and is not the elected master.
      const master = (await deps.es.cat.master({ format: 'json' }))[0]?.node;
      const holders = new Set((await deps.es.cat.shards({ index: `${PREFIX}*`, format: 'json' })).map((s) => s.node));
      const [port, pid] = [...(await clusterPids())].find(([p]) => `node-${p}` !== master && holders.has(`node-${p}`))!;
      process.kill(pid, 'SIGKILL');

      const lost = await deps.es.cluster.health({ wait_for_nodes: '2', wait_for_events: 'languid', timeout: '120s' });
      expect([lost.number_of_nodes, lost.status, lost.unassigned_shards > 0]).toEqual([2, 'yellow', true]);
      const health = await request(app).get('/api/health');
      expect([health.status, health.body.elasticsearch]).toEqual([200, { status: 'up', cluster_status: 'yellow' }]);

      const rows = [['Nord', '1'], ['Sud', '2'], ['Est', '3']];
      await publishTinyCsv(deps, 'cluster-during-loss', [{ name: 'nom', type: 'text' }, { name: 'n', type: 'int' }], rows);
      const published = await request(app).get('/api/records/1.0/search').query({ dataset: 'cluster-during-loss' });
      expect([published.status, published.body.nhits]).toEqual([200, rows.length]);
      await load.reached(load.completed + 40);

      expect((await clusterPids()).has(port)).toBe(false);
      await startCluster();
      const back = await deps.es.cluster.health({ wait_for_nodes: '3', wait_for_status: 'green', timeout: '300s' });
      expect([back.number_of_nodes, back.status]).toEqual([3, 'green']);
      await load.reached(load.completed + 20);
    } finally {
      await load.stop();
    }
    expect(load.failures).toEqual([]);
    expect(load.completed).toBeGreaterThanOrEqual(100);
  }, 900_000);
});
