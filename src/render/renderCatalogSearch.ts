import type { FacetGroup } from '../model/facetGroup';
import type { CatalogSearchRequest } from '../model/catalogRequest';
import { csvLine } from './csvText';
import { datasetObject } from './datasetObject';
import { CatalogHit } from '../model/dataset';
import { jsonp } from './jsonp';
import { jsonText } from './jsonText';
import type { Rendered } from './rendered';

const CSV_COLUMNS = ['datasetid', 'title', 'publisher', 'theme', 'keyword', 'license', 'language', 'modified', 'records_count'];

/** Catalog search (reference/ods-v1.md §2.6): `{nhits, parameters, datasets, facet_groups?}`, JSONP, or one CSV line per dataset. */
export function renderCatalogSearch(nhits: number, hits: CatalogHit[], groups: FacetGroup[] | undefined, req: CatalogSearchRequest): Rendered {
  if (req.format === 'csv') {
    const cell = (v: unknown): string | number | undefined => (v === undefined || v === null ? undefined : typeof v === 'number' ? v : Array.isArray(v) ? v.join(',') : String(v));
    const lines = hits.map((h) => csvLine(CSV_COLUMNS.map((c) => cell(c === 'datasetid' ? h.datasetid : h.dataset.metas[c])), ';'));
    return { contentType: 'text/csv; charset=utf-8', body: csvLine(CSV_COLUMNS, ';') + lines.join('') };
  }
  const json = jsonText({
    nhits, parameters: req.echo, datasets: hits.map((h) => datasetObject(h, req)), ...(groups ? { facet_groups: groups } : {}),
  }, req.prettyPrint);
  return req.format === 'jsonp' ? jsonp(req.callback!, json) : { contentType: 'application/json; charset=utf-8', body: json };
}
