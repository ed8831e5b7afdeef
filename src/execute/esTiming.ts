import { AsyncLocalStorage } from 'node:async_hooks';
import type { Client } from '@elastic/elasticsearch';

/** The Elasticsearch time of one request being served: its calls and their milliseconds. */
export interface EsTime { calls: number; ms: number }

/** The Elasticsearch time of the request whose work is running (set by the request log). */
export const esTimeOfRequest = new AsyncLocalStorage<EsTime>();

/** What hears of each Elasticsearch call as it ends: its duration, and whether it failed. */
export type EsCallListener = (seconds: number, failed: boolean) => void;

interface Watch { listeners: Set<EsCallListener> }
// By the client's event emitter: a client made with Object.create(client) shares its parent's.
const watched = new WeakMap<Client['diagnostic'], Watch>();

/**
 * Times every call of an Elasticsearch client, from its sending to its answer (once per client,
 * however many apps share it): the time is added to the request being served, and `listener`
 * (the metrics) hears of it.
 */
export function watchElasticsearch(es: Client, listener?: EsCallListener): void {
  let watch = watched.get(es.diagnostic);
  if (!watch) {
    const current = { listeners: new Set<EsCallListener>() };
    watch = current;
    watched.set(es.diagnostic, current);
    const started = new Map<unknown, bigint>();
    es.diagnostic.on('request', (_err, event) => { if (event) started.set(event.meta.request.id, process.hrtime.bigint()); });
    es.diagnostic.on('response', (err, event) => {
      const id = event?.meta.request.id;
      const t = started.get(id);
      started.delete(id);
      if (t === undefined) return;
      const seconds = Number(process.hrtime.bigint() - t) / 1e9;
      const time = esTimeOfRequest.getStore();
      if (time) { time.calls++; time.ms += seconds * 1000; }
      for (const l of current.listeners) l(seconds, err !== null && err !== undefined);
    });
  }
  if (listener) watch.listeners.add(listener);
}
