/**
 * The catalog of the catalog benchmark: the 501 entries of the Paris catalog grown to N entries
 * (default 10,000) in their own domain `bench-catalog`. Copy k of an entry gets the id
 * `<id>-c<k>`, " #k" after its title, and its `modified` date moved back by k days, so that
 * themes, publishers, keywords, licences and date hierarchies keep their real distributions.
 * Loaded through the same pipeline as `import-catalog` (PostgreSQL, then the catalog index).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CatalogEntry, parseCatalogEntry } from '../src/catalog/catalogEntry';
import { upsertDomain } from '../src/execute/datasetStore';
import type { Deps } from '../src/execute/deps';
import { importCatalog } from '../src/usecases/importCatalog';

export const CATALOG_DOMAIN = 'bench-catalog';
const SOURCE = join(__dirname, '..', '..', 'fixtures', 'catalog', 'opendata-paris-catalog.json');
const DAY = 86_400_000;

function copyOf(e: CatalogEntry, k: number): CatalogEntry {
  const metas = { ...(e.extra.metas as Record<string, unknown>) };
  const modified = typeof metas.modified === 'string' ? Date.parse(metas.modified) : Number.NaN;
  if (!Number.isNaN(modified)) metas.modified = new Date(modified - k * DAY).toISOString();
  const title = `${e.title} #${k}`;
  metas.title = title;
  return { ...e, id: `${e.id.slice(0, 90)}-c${k}`, title, extra: { ...e.extra, metas } };
}

/** Makes sure the benchmark domain holds `size` catalog entries; returns the domain. */
export async function ensureSyntheticCatalog(deps: Deps, size: number): Promise<string> {
  const { rows } = await deps.pool.query<{ n: string }>('SELECT count(*) AS n FROM datasets WHERE domain_id = $1', [CATALOG_DOMAIN]);
  if (Number(rows[0].n) >= size) return CATALOG_DOMAIN;
  const source = (JSON.parse(readFileSync(SOURCE, 'utf8')) as unknown[]).map((raw, i) => parseCatalogEntry(raw, i));
  await upsertDomain(deps.pool, { id: CATALOG_DOMAIN, title: 'Catalog benchmark', includePublic: false });
  const entries = Array.from({ length: size }, (_, k) => copyOf(source[k % source.length], k));
  const t0 = Date.now();
  const r = await importCatalog(deps, entries, CATALOG_DOMAIN);
  console.error(`catalog: ${r.imported} entries imported, ${r.indexed} in the catalog index (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  return CATALOG_DOMAIN;
}
