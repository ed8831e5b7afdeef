import type { Access } from '../../auth/access';
import type { Deps } from '../../execute/deps';
import type { DatasetExtent } from '../../model/geo';
import { isGeo } from '../../model/querySchema';
import type { CatalogSearchRequest } from '../../model/catalogRequest';
import { CATALOG_HIT_SOURCE, type CatalogHit } from '../../model/dataset';
import type { Predicate } from '../../model/predicate';
import { catalogPages } from '../../usecases/catalogPages';
import type { CollectionSource } from './ogcCollection';

/** The most collections listed: the catalog search's window. */
const MAX_COLLECTIONS = 10_000;

/** Catalog entries read at a time. */
const PAGE = 500;

/** The catalog entries that have records and a geographic field (catalog index paths: `features` has `geo` for those). */
const GEOGRAPHIC_WITH_RECORDS: Predicate[] = [{ kind: 'term', path: 'has_records', value: 'true' }, { kind: 'term', path: 'features', value: 'geo' }];

/** Extents read side by side (one small aggregation each). */
const AT_ONCE = 4;

/**
 * The collections a caller may see: the catalog entries of the route's domain they may read
 * (its visibility rules), with records and a geographic field, in id order, each with the
 * extent of its records.
 */
export async function catalogListing(deps: Deps, access: Access, now: number, extentOf: (id: string) => Promise<DatasetExtent>): Promise<CollectionSource[]> {
  const request: CatalogSearchRequest = {
    queries: [], facets: [], refine: new Map(), exclude: new Map(), disjunctive: new Set(), facetsort: new Map(), sort: [],
    rows: MAX_COLLECTIONS, start: 0, timeZone: 'UTC', extrametas: false, interopmetas: false, format: 'json', prettyPrint: false, echo: {},
  };
  // Only entries with records and a geographic field are read, a page at a time: not the whole catalog's metadata.
  const geographic: CatalogHit[] = [];
  for await (const page of catalogPages<CatalogHit>(deps, access, request, now, PAGE, CATALOG_HIT_SOURCE, GEOGRAPHIC_WITH_RECORDS)) {
    geographic.push(...page.filter((h) => h.has_records && h.dataset.fields.some((f) => isGeo(f.type))));
  }
  geographic.sort((a, b) => (a.datasetid < b.datasetid ? -1 : 1));
  const out: CollectionSource[] = [];
  for (let i = 0; i < geographic.length; i += AT_ONCE) {
    const batch = geographic.slice(i, i + AT_ONCE);
    const extents = await Promise.all(batch.map((h) => extentOf(h.datasetid)));
    batch.forEach((h, j) => out.push({ id: h.datasetid, metas: h.dataset.metas, fields: h.dataset.fields, extent: extents[j] }));
  }
  return out;
}
