import type { Access, Grants } from '../../../src/auth/access';
import type { DomainRow } from '../../../src/model/dataset';
import { catalogVisibility } from '../../../src/plan/catalogVisibility';

// README "Domains, visibility and API keys": a domain sees its public, published datasets (plus the
// platform's public ones when it includes them); a key holder also sees their own domain's private
// and draft datasets, as far as the grants (include_private / include_drafts) allow.
const paris: DomainRow = { id: 'paris', title: 'Paris', includePublic: false };
const platform: DomainRow = { id: 'default', title: 'All', includePublic: true };
const ALL: Grants = { private: true, drafts: true };
const NONE: Grants = { private: false, drafts: false };
const anonymous: Access = { domain: 'paris' };

const public_ = { kind: 'term', path: 'visibility', value: 'public' } as const;
const published = { kind: 'term', path: 'state', value: 'published' } as const;
const domain = (id: string) => ({ kind: 'term', path: 'domain', value: id }) as const;

describe('catalogVisibility: anonymous callers', () => {
  test('a domain that keeps to itself: public, published and of that domain', () => {
    expect(catalogVisibility(paris, anonymous, ALL)).toEqual({ kind: 'and', clauses: [public_, published, domain('paris')] });
  });

  test('a domain that includes the platform: public and published, from any domain', () => {
    expect(catalogVisibility(platform, { domain: 'default' }, ALL)).toEqual({ kind: 'and', clauses: [public_, published] });
  });
});

describe('catalogVisibility: key holders', () => {
  const open = { kind: 'and', clauses: [public_, published, domain('paris')] };

  test('own domain, every grant: the open entries or anything of their domain', () => {
    expect(catalogVisibility(paris, { domain: 'paris', keyDomain: 'paris' }, ALL)).toEqual({ kind: 'or', clauses: [open, domain('paris')] });
  });

  test('include_private only: their private datasets, but no drafts', () => {
    expect(catalogVisibility(paris, { domain: 'paris', keyDomain: 'paris' }, { private: true, drafts: false }))
      .toEqual({ kind: 'or', clauses: [open, { kind: 'and', clauses: [domain('paris'), published] }] });
  });

  test('include_drafts only: their drafts, but nothing private', () => {
    expect(catalogVisibility(paris, { domain: 'paris', keyDomain: 'paris' }, { private: false, drafts: true }))
      .toEqual({ kind: 'or', clauses: [open, { kind: 'and', clauses: [domain('paris'), public_] }] });
  });

  test('no grant: their domain adds only what is public and published anyway', () => {
    expect(catalogVisibility(paris, { domain: 'paris', keyDomain: 'paris' }, NONE))
      .toEqual({ kind: 'or', clauses: [open, { kind: 'and', clauses: [domain('paris'), public_, published] }] });
  });

  test('a key of another domain sees from here what anyone sees', () => {
    expect(catalogVisibility(paris, { domain: 'paris', keyDomain: 'lyon' }, ALL)).toEqual(open);
  });

  test('from a domain that includes the platform, a key sees its own domain\'s unpublished datasets', () => {
    expect(catalogVisibility(platform, { domain: 'default', keyDomain: 'lyon' }, ALL))
      .toEqual({ kind: 'or', clauses: [{ kind: 'and', clauses: [public_, published] }, domain('lyon')] });
  });
});
