import type { Client } from '@elastic/elasticsearch';

/**
 * Points `alias` at `index` alone, in one atomic alias update: readers see the old index until
 * the new one is complete, then the new one, never a mix. Returns the indices it left (the
 * caller deletes them, now or once no export reads them).
 */
export async function swapAlias(es: Client, alias: string, index: string): Promise<string[]> {
  const current = await aliasTargets(es, alias);
  await es.indices.updateAliases({
    actions: [
      ...current.filter((i) => i !== index).map((i) => ({ remove: { index: i, alias } })),
      { add: { index, alias } },
    ],
  });
  return current.filter((i) => i !== index);
}

/** The indices an alias points to (none when it does not exist). */
export async function aliasTargets(es: Client, alias: string): Promise<string[]> {
  const exists = await es.indices.existsAlias({ name: alias });
  if (!exists) return [];
  return Object.keys(await es.indices.getAlias({ name: alias }));
}

/**
 * Segments of one size an index being loaded may hold before Elasticsearch merges them (10 by
 * default): merges made while it loads cannot drop its `_recovery_source` (the operations are
 * still ahead of their retention lease), and one that left a single segment would keep it for
 * good, since a merge into one segment does not rewrite an index that already has one. The version
 * is merged once, after its swap (compactWhenPrunable), which sets this back to the default.
 */
export const LOADING_SEGMENTS_PER_TIER = 100;
export const SEGMENTS_PER_TIER = 'index.merge.policy.segments_per_tier';

/** Creates an index for bulk loading (no refresh), to be finished by `finishLoading`; `unmerged` holds back Elasticsearch's merges while it loads (LOADING_SEGMENTS_PER_TIER). */
export async function createLoadingIndex(es: Client, index: string, body: { settings: object; mappings: object }, unmerged = false): Promise<void> {
  await es.indices.create({
    index,
    settings: { ...body.settings, refresh_interval: '-1', ...(unmerged ? { [SEGMENTS_PER_TIER]: LOADING_SEGMENTS_PER_TIER } : {}) },
    mappings: body.mappings as Record<string, unknown>,
  });
}

export async function finishLoading(es: Client, index: string): Promise<number> {
  // The refresh makes what was loaded searchable whatever the interval, so both go at once.
  await Promise.all([es.indices.putSettings({ index, settings: { refresh_interval: '1s' } }), es.indices.refresh({ index })]);
  return (await es.count({ index })).count;
}

/**
 * The highest version among existing indices named `<base><n>` (0 when none): indices left by an
 * earlier database or a crashed run must not be reused.
 */
export async function highestIndexVersion(es: Client, base: string): Promise<number> {
  const found = await es.indices.get({ index: `${base}*`, ignore_unavailable: true, allow_no_indices: true, expand_wildcards: 'all' });
  const re = new RegExp(`^${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\d+)$`);
  return Math.max(0, ...Object.keys(found).map((name) => Number(re.exec(name)?.[1] ?? 0)));
}
