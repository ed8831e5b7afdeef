import type { Access } from '../auth/access';
import { catalogDocument } from '../catalog/catalogDocument';
import type { AppError } from '../errors/catalogue';
import type { Deps } from '../execute/deps';
import type { CatalogHit } from '../model/dataset';
import type { DatasetRef } from '../model/recordsRequest';
import { visibleDataset } from './resolveDataset';

/** One dataset's catalog entry as its caller may see it (ODS dataset lookup, CKAN package_show), or `notFound`. */
export async function runDatasetLookup(deps: Deps, access: Access, ref: DatasetRef, notFound?: AppError): Promise<CatalogHit> {
  return catalogDocument(await visibleDataset(deps, access, ref, { needsRecords: false, ...(notFound ? { notFound } : {}) }));
}
