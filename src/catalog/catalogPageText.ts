import { type CatalogHit, type DatasetRow, type PackageFlavour, type PackageHit, WRITTEN } from '../model/dataset';
import { jsonText } from '../text/jsonText';
import { type CatalogDocument, catalogDocument } from './catalogDocument';
import { d4cPackage } from './d4cPackage';
import { datasetObject } from './datasetObject';
import { packageDict } from './packageDict';

const NO_BLOCKS = { extrametas: false, interopmetas: false };

/** An entry's ODS dataset object as a JSON page writes it, without the blocks a request may add (they come last: a page appends them). */
export const datasetObjectText = (hit: CatalogHit): string => jsonText(datasetObject(hit, NO_BLOCKS), false);

/** An entry's package dict as a compact package_search page writes it: CKAN's, or data4citizen's. */
export const packageDictText = (hit: PackageHit, flavour: PackageFlavour): string => jsonText(flavour === 'ckan' ? packageDict(hit) : d4cPackage(hit), false);

/** A text's UTF-8 bytes in base64, as Elasticsearch takes a binary field's value. */
const base64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64');

/**
 * A catalog index document: the catalog document and its texts written once (WRITTEN in
 * model/dataset.ts): the ODS dataset object and the package dicts of CKAN and data4citizen, each
 * as its UTF-8 bytes in base64 (binary fields).
 */
export type IndexedCatalogDocument = CatalogDocument & Record<(typeof WRITTEN)[keyof typeof WRITTEN], string>;

/**
 * What the catalog index keeps of a dataset: a JSON page of the catalog (ODS) or of package_search
 * (CKAN, data4citizen) then writes each entry from its text instead of building the object and
 * writing it (a dataset's schema runs to tens of kilobytes, a package dict's description to
 * several). The catalog's format (src/execute/catalogIndex.ts) includes these texts' writers, so
 * that an index written by another version of them is rebuilt.
 */
export function indexedCatalogDocument(d: DatasetRow): IndexedCatalogDocument {
  const doc = catalogDocument(d);
  return { ...doc, [WRITTEN.ods]: base64(datasetObjectText(doc)), [WRITTEN.ckan]: base64(packageDictText(doc, 'ckan')), [WRITTEN.d4c]: base64(packageDictText(doc, 'd4c')) };
}
