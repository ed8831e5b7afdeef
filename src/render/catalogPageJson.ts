import { metaBlocks, type MetaBlocks } from '../catalog/datasetObject';
import type { CatalogPageHit } from '../model/dataset';
import type { FacetGroup } from '../model/facetGroup';
import { jsonText } from '../text/jsonText';
import type { ExportWriter } from './formats/streamWriter';
import { jsonObjectParts } from './jsonObjectParts';
import { jsonEnvelopePieces, jsonPiecesWriter } from './jsonPieces';
import { JSON_TYPE } from './jsonAnswer';

/** A JSON catalog page before it is written: the total, the echoed parameters, the entries, the facet groups. */
export interface CatalogPage { nhits: number; parameters: unknown; hits: readonly CatalogPageHit[]; groups?: FacetGroup[] }

/** One entry as text: its written dataset object, with the blocks the request asks for appended (a dataset object ends with them). */
function entryText(hit: CatalogPageHit, blocks: MetaBlocks): string {
  const more = metaBlocks(hit.dataset, blocks);
  return Object.keys(more).length ? `${hit.dataset.ods.slice(0, -1)}, ${jsonText(more, false).slice(1)}` : hit.dataset.ods;
}

/**
 * `{nhits, parameters, datasets, facet_groups?}` (reference/ods-v1.md §2.6) in parts (Rendered),
 * the datasets joined from their written objects rather than parsed and written again: the same
 * text jsonText writes of the page of objects. Pretty-printed, the objects are read back and the
 * page indented, in one part.
 */
export function catalogPageJson(page: CatalogPage, blocks: MetaBlocks, pretty: boolean): string[] {
  if (pretty) {
    const datasets = page.hits.map((h) => ({ ...(JSON.parse(h.dataset.ods) as Record<string, unknown>), ...metaBlocks(h.dataset, blocks) }));
    return [jsonText({ nhits: page.nhits, parameters: page.parameters, datasets, ...(page.groups ? { facet_groups: page.groups } : {}) }, true)];
  }
  return jsonObjectParts({ nhits: page.nhits, parameters: page.parameters }, 'datasets', [`[${page.hits.map((h) => entryText(h, blocks)).join(', ')}]`], page.groups ? { facet_groups: page.groups } : {});
}

/**
 * The same page written piece by piece (a page read in pieces): the same bytes as catalogPageJson
 * and jsonAnswer write whole, the entries streamed between the envelope's head and its facet groups.
 */
export function catalogPagePieces(page: Omit<CatalogPage, 'hits'>, blocks: MetaBlocks, output: { format: string; callback?: string; prettyPrint: boolean }): ExportWriter<CatalogPageHit> {
  const pieces = jsonEnvelopePieces({ nhits: page.nhits, parameters: page.parameters, datasets: [], ...(page.groups ? { facet_groups: page.groups } : {}) }, 'datasets', output.prettyPrint);
  const item = output.prettyPrint
    ? (hit: CatalogPageHit) => pieces.item({ ...(JSON.parse(hit.dataset.ods) as Record<string, unknown>), ...metaBlocks(hit.dataset, blocks) })
    : (hit: CatalogPageHit) => entryText(hit, blocks);
  return jsonPiecesWriter(pieces, item, output, JSON_TYPE);
}
