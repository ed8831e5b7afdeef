import type { DatasetRow, DomainRow } from '../model/dataset';

/**
 * Who is asking, and from where: the domain a route serves and, for a request carrying a valid API
 * key, the domain that key belongs to. Anonymous callers have no `keyDomain`.
 */
export interface Access { domain: string; keyDomain?: string }

/** What a key holder asks to see of their domain besides its public, published datasets. */
export interface Grants { private: boolean; drafts: boolean }

/** ODS endpoints show a key holder everything of their domain (ODS's "domain" visibility). */
export const ALL_GRANTS: Grants = { private: true, drafts: true };

export const anonymous = (domain: string): Access => ({ domain });

/** Public and published: what anyone may read. */
export const isOpen = (d: Pick<DatasetRow, 'visibility' | 'state'>): boolean => d.visibility === 'public' && d.state === 'published';

/**
 * The domain whose unpublished and private datasets this request may see from `scope`: the key's
 * domain, when the scope is that domain or the platform-wide catalog of a domain that includes all
 * public datasets. Undefined for anonymous callers and for keys of other domains.
 */
export function grantedDomain(access: Access, scope: DomainRow): string | undefined {
  const key = access.keyDomain;
  return key !== undefined && (key === scope.id || scope.includePublic) ? key : undefined;
}

/** Whether the grants let a key holder of the dataset's own domain see it. */
export const grantAllows = (d: Pick<DatasetRow, 'visibility' | 'state'>, grants: Grants): boolean =>
  (d.visibility === 'public' || grants.private) && (d.state === 'published' || grants.drafts);
