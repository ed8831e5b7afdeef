import type { CatalogHit, DatasetRow } from '../model/dataset';
import { jsonText } from '../text/jsonText';
import { type CatalogDocument, catalogDocument } from './catalogDocument';
import { datasetObject } from './datasetObject';

const NO_BLOCKS = { extrametas: false, interopmetas: false };

/** An entry's ODS dataset object as a JSON page writes it, without the blocks a request may add (they come last: a page appends them). */
export const datasetObjectText = (hit: CatalogHit): string => jsonText(datasetObject(hit, NO_BLOCKS), false);

/** A catalog index document: the catalog document and, in `dataset.ods_base64`, its dataset object written once (UTF-8, in base64: see StoredCatalogPageHit). */
export type IndexedCatalogDocument = CatalogDocument & { dataset: { ods_base64: string } };

/**
 * What the catalog index keeps of a dataset: a JSON page of the catalog then writes each entry
 * from its text instead of parsing and rewriting the object (a dataset's schema runs to tens of
 * kilobytes). The catalog's format (src/execute/catalogIndex.ts) includes this text's writer, so
 * that an index written by another version of it is rebuilt.
 */
export function indexedCatalogDocument(d: DatasetRow): IndexedCatalogDocument {
  const doc = catalogDocument(d);
  return { ...doc, dataset: { ...doc.dataset, ods_base64: Buffer.from(datasetObjectText(doc), 'utf8').toString('base64') } };
}
