import { Access, ALL_GRANTS, Grants, grantAllows, grantedDomain, isOpen } from '../auth/access';
import { AppError } from '../errors/catalogue';
import { recordsAlias } from '../schema/indexNames';
import type { DatasetRef } from '../model/recordsRequest';
import type { DatasetTarget } from '../model/dataset';
import { getDatasetInDomain } from '../execute/datasetStore';
import { DatasetRow, DomainRow } from '../model/dataset';
import type { Deps } from '../execute/deps';

const unknownDataset = (ref: DatasetRef): AppError =>
  new AppError('not_found', `Unknown dataset: ${ref.id}${ref.domain ? `@${ref.domain}` : ''}`, { parameter: 'dataset' });

/** Datasets and domains as searches look them up: from the cache while it is kept, else PostgreSQL. */
export const lookupInDomain = (deps: Deps, domain: string, id: string) =>
  (deps.directory ? deps.directory.lookup(domain, id) : getDatasetInDomain(deps.pool, domain, id));

/** A domain, or the 404 for an unknown one. */
export async function resolveDomain(deps: Deps, domain: string): Promise<DomainRow> {
  const { domain: scope } = await lookupInDomain(deps, domain, '');
  if (!scope) throw new AppError('not_found', `Unknown domain: ${domain}`);
  return scope;
}

/**
 * The dataset a request names, as its caller sees it from the route's domain (SPEC §2): the
 * domain's own public, published datasets, plus every public one when the domain includes them;
 * `id@other` names a public dataset of another domain. A valid API key adds its own domain's
 * private and draft datasets (as far as `grants` allow), from that domain, from a domain that
 * includes the platform's datasets, or as `id@<its domain>`. Whatever the reason a dataset cannot
 * be read (missing, private, draft, another domain, and for records endpoints no records), the
 * answer is the same 404.
 */
export async function visibleDataset(deps: Deps, access: Access, ref: DatasetRef, options: { needsRecords: boolean; notFound?: AppError; grants?: Grants }): Promise<DatasetRow> {
  const { domain: scope, dataset: row } = await lookupInDomain(deps, access.domain, ref.id);
  if (!scope) throw new AppError('not_found', `Unknown domain: ${access.domain}`);
  if (!row || !canRead(row, scope, access, ref, options)) throw options.notFound ?? unknownDataset(ref);
  return row;
}

/** Whether a caller reaches a dataset through `ref` from the route's domain `scope`: the rule of visibleDataset. */
export function canRead(row: Pick<DatasetRow, 'hasRecords' | 'domain' | 'visibility' | 'state'>, scope: DomainRow, access: Access, ref: DatasetRef, options: { needsRecords: boolean; grants?: Grants }): boolean {
  const readable = row.hasRecords || !options.needsRecords;
  const here = ref.domain !== undefined ? row.domain === ref.domain : row.domain === scope.id || scope.includePublic;
  const granted = access.keyDomain === row.domain && (ref.domain === row.domain || grantedDomain(access, scope) === row.domain)
    && grantAllows(row, options.grants ?? ALL_GRANTS);
  return readable && ((isOpen(row) && here) || granted);
}

/** The dataset a records request reads: its index alias, schema and the id to show. */
export async function resolveDataset(deps: Deps, access: Access, ref: DatasetRef): Promise<DatasetTarget & { row: DatasetRow }> {
  const row = await visibleDataset(deps, access, ref, { needsRecords: true });
  const datasetId = ref.domain !== undefined ? `${ref.id}@${ref.domain}` : ref.id;
  return { index: recordsAlias(deps.indexPrefix, row.id), datasetId, schema: row.fields, row };
}
