import type { CatalogSearchRequest } from '../../model/catalogRequest';
import { catalogCsv } from '../../render/catalogCsv';
import { catalogAtom, catalogRss, type FeedContext } from '../../render/catalogFeed';
import { type CatalogPage, catalogPageJson } from '../../render/catalogPageJson';
import type { PackageHit } from '../../model/dataset';
import type { Body, Rendered } from '../../render/rendered';
import { jsonAnswer } from '../../render/jsonAnswer';

/** Catalog search as JSON or JSONP (reference/ods-v1.md §2.6): `{nhits, parameters, datasets, facet_groups?}`, from the written dataset objects. */
export const renderCatalogPage = (page: CatalogPage, req: CatalogSearchRequest): Rendered<Body> =>
  jsonAnswer(catalogPageJson(page, req, req.prettyPrint), req);

/** Catalog search in the other formats: one CSV line per dataset, or an RSS 2.0 or Atom feed. */
export function renderCatalogEntries(hits: PackageHit[], req: CatalogSearchRequest, feed: FeedContext): Rendered {
  if (req.format === 'rss') return catalogRss(hits, feed);
  if (req.format === 'atom') return catalogAtom(hits, feed);
  return catalogCsv(hits);
}
