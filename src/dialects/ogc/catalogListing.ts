import type { Access } from '../../auth/access';
import type { Deps } from '../../execute/deps';
import type { DatasetExtent } from '../../model/geo';
import { isGeo } from '../../model/querySchema';
import { runCatalogSearch } from '../../usecases/runCatalogSearch';
import type { CollectionSource } from './ogcCollection';

/** The most collections listed: the catalog search's window. */
const MAX_COLLECTIONS = 10_000;

/** Extents read side by side (one small aggregation each). */
const AT_ONCE = 4;

/**
 * The collections a caller may see: the catalog entries of the route's domain they may read
 * (its visibility rules), with records and a geographic field, in id order, each with the
 * extent of its records.
 */
export async function catalogListing(deps: Deps, access: Access, now: number, extentOf: (id: string) => Promise<DatasetExtent>): Promise<CollectionSource[]> {
  const { hits } = await runCatalogSearch(deps, access, {
    queries: [], facets: [], refine: new Map(), exclude: new Map(), disjunctive: new Set(), facetsort: new Map(), sort: [],
    rows: MAX_COLLECTIONS, start: 0, timeZone: 'UTC', extrametas: false, interopmetas: false, format: 'json', prettyPrint: false, echo: {},
  }, now);
  const geographic = hits.filter((h) => h.has_records && h.dataset.fields.some((f) => isGeo(f.type))).sort((a, b) => (a.datasetid < b.datasetid ? -1 : 1));
  const out: CollectionSource[] = [];
  for (let i = 0; i < geographic.length; i += AT_ONCE) {
    const batch = geographic.slice(i, i + AT_ONCE);
    const extents = await Promise.all(batch.map((h) => extentOf(h.datasetid)));
    batch.forEach((h, j) => out.push({ id: h.datasetid, metas: h.dataset.metas, fields: h.dataset.fields, extent: extents[j] }));
  }
  return out;
}
