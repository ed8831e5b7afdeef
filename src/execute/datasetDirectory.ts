import { EventEmitter } from 'node:events';
import { Client } from 'pg';
import { bumpCatalogGeneration, catalogGeneration } from './catalogGeneration';
import { getDatasetInDomain } from './datasetStore';
import { DatasetRow, DomainRow } from '../model/dataset';
import type { Queryable } from './queryable';

type Lookup = { domain?: DomainRow; dataset?: DatasetRow };

/** How long an answer is kept at most, even if a change notification were lost. */
const TTL_MS = 30_000;
const CHANNEL = 'portal_search_catalog';

/**
 * Datasets and domains as searches look them up, kept in memory while this process listens to
 * PostgreSQL's change notifications (migrations/004): every change to datasets or domains, here or
 * in another process, empties it. Without a listening connection every lookup asks PostgreSQL.
 *
 * When PostgreSQL cannot answer, a lookup answered before and not changed since is answered from
 * memory, however old: nothing can change a dataset while its store is down, so searches of the
 * datasets already looked up keep answering from Elasticsearch. A lost listening connection only
 * marks the answers as to be asked again; an announced change still forgets them.
 */
export class DatasetDirectory {
  private readonly entries = new Map<string, { value: Lookup; expires: number }>();
  private seen = catalogGeneration();
  private listener: Client | undefined;
  private connecting: Client | undefined;
  private closed = false;
  /** `notification` once a change announcement has emptied the cache, `lost` and `listening` as the connection goes and comes. */
  readonly events = new EventEmitter();
  /** Lookups answered from memory (`hits`) and from PostgreSQL (`misses`) since the start. */
  readonly counts = { hits: 0, misses: 0 };

  constructor(private readonly pool: Queryable, private readonly databaseUrl: string) {}

  /** True while change notifications are heard (and answers may come from memory). */
  get listening(): boolean {
    return this.listener !== undefined;
  }

  async lookup(domain: string, id: string): Promise<Lookup> {
    if (this.seen !== catalogGeneration()) { this.entries.clear(); this.seen = catalogGeneration(); }
    const key = `${domain}\u0000${id}`;
    const hit = this.entries.get(key);
    if (this.listener && hit && hit.expires > Date.now()) {
      this.counts.hits++;
      return hit.value;
    }
    const generation = this.seen;
    let value: Lookup;
    try {
      value = await getDatasetInDomain(this.pool, domain, id);
    } catch (err) {
      if (hit && generation === catalogGeneration()) {
        this.counts.hits++;
        return hit.value;
      }
      throw err;
    }
    this.counts.misses++;
    if (generation === catalogGeneration()) {
      if (this.entries.size > 10_000) this.entries.clear();
      // Not listening: kept only as the answer of last resort (expired at once).
      this.entries.set(key, { value, expires: this.listener ? Date.now() + TTL_MS : 0 });
    }
    return value;
  }

  /** Starts listening; on a lost connection the cache is dropped and listening resumes 5 s later. */
  async listen(): Promise<void> {
    if (this.closed) return;
    const client = new Client({ connectionString: this.databaseUrl });
    this.connecting = client;
    const retry = (): void => {
      if (!this.closed) setTimeout(() => { this.listen().catch(() => undefined); }, 5000).unref();
    };
    const lost = (): void => {
      if (this.listener !== client) return;
      this.listener = undefined;
      // Changes may go unheard from now on: every answer is asked again, but kept as a last resort.
      for (const entry of this.entries.values()) entry.expires = 0;
      client.end().catch(() => undefined);
      retry();
      this.events.emit('lost');
    };
    client.on('error', lost);
    client.on('end', lost);
    client.on('notification', () => { bumpCatalogGeneration(); this.events.emit('notification'); });
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
    } catch {
      client.removeAllListeners();
      await client.end().catch(() => undefined);
      retry();
      return;
    } finally {
      if (this.connecting === client) this.connecting = undefined;
    }
    if (this.closed) { await client.end().catch(() => undefined); return; }
    this.listener = client;
    this.events.emit('listening');
  }

  async close(): Promise<void> {
    this.closed = true;
    const clients = [this.listener, this.connecting];
    this.listener = undefined;
    await Promise.all(clients.map((c) => c?.end().catch(() => undefined)));
  }
}
