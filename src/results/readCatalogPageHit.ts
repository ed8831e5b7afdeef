import type { CatalogPageHit, StoredCatalogPageHit } from '../model/dataset';

/** A JSON catalog page's entry as the index hands it over, its written object decoded from base64 to its UTF-8 bytes. */
export function readCatalogPageHit(stored: StoredCatalogPageHit): CatalogPageHit {
  const { ods_base64: written, ...rest } = stored.dataset;
  return { datasetid: stored.datasetid, dataset: { ...rest, ods: Buffer.from(written, 'base64') } };
}
