import { metaBlocks, type MetaBlocks } from '../catalog/datasetObject';
import type { CatalogPageHit } from '../model/dataset';
import type { FacetGroup } from '../model/facetGroup';
import { jsonText } from '../text/jsonText';
import type { ExportWriter } from './formats/streamWriter';
import { jsonObjectParts } from './jsonObjectParts';
import { jsonEnvelopePieces, jsonPiecesWriter } from './jsonPieces';
import { JSON_TYPE } from './jsonAnswer';
import { type BodyPart, partText } from './rendered';

/** A JSON catalog page before it is written: the total, the echoed parameters, the entries, the facet groups. */
export interface CatalogPage { nhits: number; parameters: unknown; hits: readonly CatalogPageHit[]; groups?: FacetGroup[] }

/**
 * One entry: its written dataset object's bytes, with the blocks the request asks for appended (a
 * dataset object ends with them): the object but its closing brace, then the blocks' members and
 * the brace.
 */
function entryParts(hit: CatalogPageHit, blocks: MetaBlocks): BodyPart[] {
  const more = metaBlocks(hit.dataset, blocks);
  const { ods } = hit.dataset;
  return Object.keys(more).length ? [ods.subarray(0, ods.length - 1), `, ${jsonText(more, false).slice(1)}`] : [ods];
}

/** An entry's dataset object as an object, the blocks asked for included (a pretty-printed page writes it again). */
const entryObject = (hit: CatalogPageHit, blocks: MetaBlocks): Record<string, unknown> =>
  ({ ...(JSON.parse(partText(hit.dataset.ods)) as Record<string, unknown>), ...metaBlocks(hit.dataset, blocks) });

/**
 * `{nhits, parameters, datasets, facet_groups?}` (reference/ods-v1.md §2.6) in parts (Rendered),
 * the datasets joined from their written objects' bytes rather than parsed and written again: the
 * same text jsonText writes of the page of objects. Pretty-printed, the objects are read back and
 * the page indented, in one part.
 */
export function catalogPageJson(page: CatalogPage, blocks: MetaBlocks, pretty: boolean): BodyPart[] {
  if (pretty) {
    const datasets = page.hits.map((h) => entryObject(h, blocks));
    return [jsonText({ nhits: page.nhits, parameters: page.parameters, datasets, ...(page.groups ? { facet_groups: page.groups } : {}) }, true)];
  }
  const datasets: BodyPart[] = ['['];
  page.hits.forEach((h, i) => { if (i > 0) datasets.push(', '); datasets.push(...entryParts(h, blocks)); });
  datasets.push(']');
  return jsonObjectParts({ nhits: page.nhits, parameters: page.parameters }, 'datasets', datasets, page.groups ? { facet_groups: page.groups } : {});
}

/**
 * The same page written piece by piece (a page read in pieces): the same bytes as catalogPageJson
 * and jsonAnswer write whole, the entries streamed between the envelope's head and its facet groups.
 */
export function catalogPagePieces(page: Omit<CatalogPage, 'hits'>, blocks: MetaBlocks, output: { format: string; callback?: string; prettyPrint: boolean }): ExportWriter<CatalogPageHit> {
  const pieces = jsonEnvelopePieces({ nhits: page.nhits, parameters: page.parameters, datasets: [], ...(page.groups ? { facet_groups: page.groups } : {}) }, 'datasets', output.prettyPrint);
  const item = output.prettyPrint
    ? (hit: CatalogPageHit) => pieces.item(entryObject(hit, blocks))
    : (hit: CatalogPageHit) => entryParts(hit, blocks).map(partText).join('');
  return jsonPiecesWriter(pieces, item, output, JSON_TYPE);
}
