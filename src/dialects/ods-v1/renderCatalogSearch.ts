import type { FacetGroup } from '../../model/facetGroup';
import type { CatalogSearchRequest } from '../../model/catalogRequest';
import { catalogCsv } from '../../render/catalogCsv';
import { catalogAtom, catalogRss, type FeedContext } from '../../render/catalogFeed';
import { datasetObject } from '../../render/datasetObject';
import { CatalogHit } from '../../model/dataset';
import { jsonText } from '../../render/jsonText';
import type { Rendered } from '../../render/rendered';
import { jsonAnswer } from '../../render/jsonAnswer';

/** Catalog search (reference/ods-v1.md §2.6): `{nhits, parameters, datasets, facet_groups?}`, JSONP, one CSV line per dataset, or an RSS 2.0 or Atom feed. */
export function renderCatalogSearch(nhits: number, hits: CatalogHit[], groups: FacetGroup[] | undefined, req: CatalogSearchRequest, feed: FeedContext): Rendered {
  if (req.format === 'csv') return catalogCsv(hits);
  if (req.format === 'rss') return catalogRss(hits, feed);
  if (req.format === 'atom') return catalogAtom(hits, feed);
  const json = jsonText({
    nhits, parameters: req.echo, datasets: hits.map((h) => datasetObject(h, req)), ...(groups ? { facet_groups: groups } : {}),
  }, req.prettyPrint);
  return jsonAnswer(json, req);
}
