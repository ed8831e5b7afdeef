import { Access, Grants, grantedDomain } from '../auth/access';
import type { DomainRow } from '../model/dataset';
import type { Predicate } from '../model/predicate';
import { allOf } from './combine';

const term = (path: string, value: string): Predicate => ({ kind: 'term', path, value });

/**
 * The catalog entries a caller may see from a domain: public, published datasets of the domain (or
 * of the platform, when the domain includes them), plus, for a key holder, their own domain's
 * private and draft datasets as far as `grants` allow (the same rule as `visibleDataset`).
 */
export function catalogVisibility(scope: DomainRow, access: Access, grants: Grants): Predicate {
  const open = allOf([
    term('visibility', 'public'), term('state', 'published'),
    ...(scope.includePublic ? [] : [term('domain', scope.id)]),
  ]);
  const own = grantedDomain(access, scope);
  if (own === undefined) return open;
  const mine = allOf([
    term('domain', own),
    ...(grants.private ? [] : [term('visibility', 'public')]),
    ...(grants.drafts ? [] : [term('state', 'published')]),
  ]);
  return { kind: 'or', clauses: [open, mine] };
}
