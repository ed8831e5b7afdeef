import type { Client } from '@elastic/elasticsearch';
import { aliasTargets } from './versionedIndex';

/**
 * The format (`_meta.format`) of the index an alias points to: undefined when there is no such
 * index, '' when it was built before formats were recorded.
 */
export async function liveIndexFormat(es: Client, alias: string): Promise<string | undefined> {
  const [index] = await aliasTargets(es, alias);
  if (index === undefined) return undefined;
  const mapping = await es.indices.getMapping({ index });
  const meta = mapping[index]?.mappings?._meta as { format?: unknown } | undefined;
  return typeof meta?.format === 'string' ? meta.format : '';
}
