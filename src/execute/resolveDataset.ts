import { AppError } from '../errors/catalogue';
import { recordsAlias } from '../index/indexNames';
import type { DatasetRef } from '../params/recordsSearchRequest';
import type { DatasetTarget } from '../plan/planRecordsSearch';
import { DatasetRow, getDatasetInDomain } from './datasetStore';
import type { Deps } from './deps';

const unknownDataset = (ref: DatasetRef): AppError =>
  new AppError('not_found', `Unknown dataset: ${ref.id}${ref.domain ? `@${ref.domain}` : ''}`, { parameter: 'dataset' });

/** A public, published dataset with records: the only kind an anonymous caller may read. */
const isOpen = (d: DatasetRow): boolean => d.visibility === 'public' && d.state === 'published' && d.hasRecords;

/**
 * The dataset a records request names, as seen from `domain` (SPEC §2): the domain's own datasets,
 * plus every public dataset when the domain includes them; `id@other` names a public dataset of
 * another domain. Whatever the reason a dataset cannot be read (missing, private, draft, no
 * records, another domain), the answer is the same 404.
 */
export async function resolveDataset(deps: Deps, domain: string, ref: DatasetRef): Promise<DatasetTarget & { row: DatasetRow }> {
  const { domain: scope, dataset: row } = await (deps.directory ? deps.directory.lookup(domain, ref.id) : getDatasetInDomain(deps.pool, domain, ref.id));
  if (!scope) throw new AppError('not_found', `Unknown domain: ${domain}`);
  if (!row || !isOpen(row)) throw unknownDataset(ref);
  if (ref.domain !== undefined ? row.domain !== ref.domain : row.domain !== scope.id && !scope.includePublic) throw unknownDataset(ref);
  const datasetId = ref.domain !== undefined ? `${ref.id}@${ref.domain}` : ref.id;
  return { index: recordsAlias(deps.indexPrefix, row.id), datasetId, schema: row.fields, row };
}
