import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCatalogEntry } from '../../src/catalog/catalogEntry';
import { upsertDomain } from '../../src/execute/datasetStore';
import type { Deps } from '../../src/execute/deps';
import { importCatalog } from '../../src/execute/importCatalog';
import { FIXTURES } from './rawFixtures';

export interface RawCatalogEntry { dataset_id: string; metas: { default: Record<string, unknown> } }

export const rawParisCatalog = (): RawCatalogEntry[] =>
  JSON.parse(readFileSync(join(FIXTURES, 'catalog', 'opendata-paris-catalog.json'), 'utf8')) as RawCatalogEntry[];

/** The Paris catalog, in its own domain `paris` (which does not include the platform's other datasets): idempotent. */
export async function importParisCatalog(deps: Deps): Promise<void> {
  await upsertDomain(deps.pool, { id: 'paris', title: 'Paris', includePublic: false });
  await importCatalog(deps, rawParisCatalog().map((e, i) => parseCatalogEntry(e, i)), 'paris');
}
