import type { Client } from '@elastic/elasticsearch';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { DatasetDirectory } from './datasetDirectory';
import { watchElasticsearch } from './esTiming';

const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/**
 * The process's Prometheus metrics (served at /metrics): HTTP requests by route family and
 * status, Elasticsearch requests and their errors, rows and bytes exported, quota refusals, the
 * dataset directory's hits and misses, the large answers sent, waiting and refused, and Node's default metrics. Each instance has its own
 * registry, so that several apps in one process (the tests) do not share counts.
 */
export class Metrics {
  readonly registry = new Registry();
  readonly requests = new Histogram({ name: 'portal_search_http_request_duration_seconds', help: 'HTTP requests by route family and status', labelNames: ['family', 'status'], buckets: SECONDS, registers: [this.registry] });
  readonly esRequests = new Histogram({ name: 'portal_search_elasticsearch_request_duration_seconds', help: 'Elasticsearch requests by outcome (ok, error)', labelNames: ['outcome'], buckets: SECONDS, registers: [this.registry] });
  readonly esErrors = new Counter({ name: 'portal_search_elasticsearch_errors_total', help: 'Elasticsearch requests that failed', registers: [this.registry] });
  readonly exportedRows = new Counter({ name: 'portal_search_export_rows_total', help: 'Records written by downloads, by format', labelNames: ['format'], registers: [this.registry] });
  readonly exportedBytes = new Counter({ name: 'portal_search_export_bytes_total', help: 'Bytes of downloads as rendered, before a content coding compresses them, by format', labelNames: ['format'], registers: [this.registry] });
  readonly quotaRefusals = new Counter({ name: 'portal_search_quota_refusals_total', help: 'Calls refused by a quota (429), by the limit that refused them (day, second)', labelNames: ['limit'], registers: [this.registry] });

  constructor(options: { defaults?: boolean } = {}) {
    if (options.defaults ?? true) collectDefaultMetrics({ register: this.registry });
  }

  /** Counts the directory's lookups, answered from memory or not, at each scrape. */
  observeDirectory(directory: DatasetDirectory): void {
    new Counter({
      name: 'portal_search_directory_lookups_total', help: 'Dataset lookups of searches, answered from memory (hit) or from PostgreSQL (miss)', labelNames: ['result'], registers: [this.registry],
      collect() {
        this.reset();
        this.inc({ result: 'hit' }, directory.counts.hits);
        this.inc({ result: 'miss' }, directory.counts.misses);
      },
    });
  }

  /** The turns of large answers (src/http/largeAnswers.ts), read at each scrape: how many at once, sent now, waiting, refused since the start. */
  observeLargeAnswers(turns: { readonly limits: { atOnce: number }; readonly sending: number; readonly waitingNow: number; readonly refused: number }): void {
    new Gauge({
      name: 'portal_search_large_answers_at_once', help: 'How many downloads, exports and large pages this process sends at once (LARGE_ANSWERS_AT_ONCE, or what auto made of the heap limit)', registers: [this.registry],
      collect() { this.set(turns.limits.atOnce); },
    });
    new Gauge({
      name: 'portal_search_large_answers', help: 'Downloads, exports and large pages being sent (sending) or waiting for a turn (waiting)', labelNames: ['state'], registers: [this.registry],
      collect() {
        this.set({ state: 'sending' }, turns.sending);
        this.set({ state: 'waiting' }, turns.waitingNow);
      },
    });
    new Counter({
      name: 'portal_search_large_answers_refused_total', help: 'Large answers refused (503 busy) because every turn was taken and the waiting room full', registers: [this.registry],
      collect() {
        this.reset();
        this.inc(turns.refused);
      },
    });
  }

  /** Times every request of an Elasticsearch client, from its sending to its answer. */
  observeElasticsearch(es: Client): void {
    watchElasticsearch(es, (seconds, failed) => {
      this.esRequests.observe({ outcome: failed ? 'error' : 'ok' }, seconds);
      if (failed) this.esErrors.inc();
    });
  }
}
