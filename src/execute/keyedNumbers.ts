import type { Client } from '@elastic/elasticsearch';
import { recordPaths } from '../schema/recordPaths';
import { catalogGeneration } from './catalogGeneration';

/**
 * How long an answer is kept at most. A swap in this process forgets it (forgetKeyedNumbers), and
 * a publish elsewhere changes the dataset's row (catalogGeneration); this bounds what is missed.
 */
const TTL_MS = 5 * 60_000;

type Known = Map<string, { fields: ReadonlySet<string>; expires: number; generation: number }>;

/** What each client's cluster was found to map, by alias. */
const knownBy = new WeakMap<Client, Known>();

/**
 * The number fields whose sortable key (`k.<f>`, src/text/numberKey.ts) the index behind `alias`
 * maps: an index built before keys were written, or before a field was annotated facet, has
 * none, and its facets count the number itself. Kept for TTL_MS, and forgotten when a dataset
 * changes here or elsewhere (catalogGeneration) or a version of it goes live here. While every
 * process that publishes is of this version, an answer kept too long can only lack a key that a
 * newer index has: that costs time, not counts.
 * A failure answers no field, and is not kept.
 * Each client has its own memory: a process has one, a test one per cluster it fakes.
 */
export async function keyedNumbers(es: Client, alias: string): Promise<ReadonlySet<string>> {
  const generation = catalogGeneration(), now = Date.now();
  let known = knownBy.get(es);
  if (!known) knownBy.set(es, known = new Map());
  const hit = known.get(alias);
  if (hit && hit.generation === generation && hit.expires > now) return hit.fields;
  let fields: ReadonlySet<string>;
  try {
    const prefix = recordPaths.key('');
    const byIndex = Object.values(await es.indices.getFieldMapping({ index: alias, fields: recordPaths.key('*') }));
    // Each index the alias names must map the key (it names one, but for a moment during a swap).
    const names = byIndex.map((index) => new Set(Object.keys(index.mappings ?? {}).map((path) => path.slice(prefix.length))));
    fields = new Set([...names[0] ?? []].filter((name) => names.every((n) => n.has(name))));
  } catch {
    return new Set();
  }
  if (known.size > 10_000) known.clear();
  known.set(alias, { fields, expires: now + TTL_MS, generation });
  return fields;
}

/** Forgets what the index behind `alias` mapped: another version answers for it from now on. */
export function forgetKeyedNumbers(es: Client, alias: string): void {
  knownBy.get(es)?.delete(alias);
}
