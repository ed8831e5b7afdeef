import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCatalogEntry } from '../../src/catalog/catalogEntry';
import { upsertDomain } from '../../src/execute/datasetStore';
import type { Deps } from '../../src/execute/deps';
import { importCatalog } from '../../src/usecases/importCatalog';
import { ensureFixture, FIXTURE_IDS } from './ingestFixture';
import { FIXTURES } from './rawFixtures';

export interface RawCatalogEntry { dataset_id: string; metas: { default: Record<string, unknown> } }

export const rawParisCatalog = (): RawCatalogEntry[] =>
  JSON.parse(readFileSync(join(FIXTURES, 'catalog', 'opendata-paris-catalog.json'), 'utf8')) as RawCatalogEntry[];

/** The Paris catalog, in its own domain `paris` (which does not include the platform's other datasets): idempotent. */
export async function importParisCatalog(deps: Deps): Promise<void> {
  await upsertDomain(deps.pool, { id: 'paris', title: 'Paris', includePublic: false });
  await importCatalog(deps, rawParisCatalog().map((e, i) => parseCatalogEntry(e, i)), 'paris');
}

export interface ParisMeta { title: string; theme?: string[]; keyword?: string[]; publisher?: string; modified?: string; license?: string }
/** Every raw entry, as its id and its default metas. */
export const PARIS_RAW = rawParisCatalog().map((e) => ({ id: e.dataset_id, m: e.metas.default as unknown as ParisMeta }));
const listedFixtures = FIXTURE_IDS.filter((id) => PARIS_RAW.some((e) => e.id === id));
/** The entries the domain `paris` holds once `ensureParisDomain` ran: all but the fixture datasets. */
export const PARIS_DOMAIN_ENTRIES = PARIS_RAW.filter((e) => !(listedFixtures as readonly string[]).includes(e.id));

/**
 * Fixture datasets that the Paris catalog also lists belong to the default domain once published
 * from their descriptors: they are published first, so that `paris` holds exactly the others.
 */
export async function ensureParisDomain(deps: Deps): Promise<void> {
  for (const id of listedFixtures) await ensureFixture(deps, id);
  await importParisCatalog(deps);
}
