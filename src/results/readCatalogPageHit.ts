import type { SearchHit } from '@elastic/elasticsearch/lib/api/types';
import { type CatalogPageHit, WRITTEN } from '../model/dataset';
import { writtenBytes } from './writtenBytes';

/** A JSON catalog page's entry as the index hands it over: `_source` (the parts of the blocks asked for), and its written object's bytes. */
export function readCatalogPageHit(hit: SearchHit<Omit<CatalogPageHit, 'dataset'> & { dataset?: Omit<CatalogPageHit['dataset'], 'ods'> }>): CatalogPageHit {
  const source = hit._source!;
  return { datasetid: source.datasetid, dataset: { ...source.dataset, ods: writtenBytes(hit, WRITTEN.ods) } };
}
