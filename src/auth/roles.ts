/**
 * What a key may do. `read` sees its domain's private and draft datasets (every key could before
 * roles existed); `write` also manages the datasets of its domain; `admin` manages every domain,
 * their datasets and their keys.
 */
export const KEY_ROLES = ['read', 'write', 'admin'] as const;
export type KeyRole = (typeof KEY_ROLES)[number];

export const isKeyRole = (s: string): s is KeyRole => (KEY_ROLES as readonly string[]).includes(s);

/** A valid key as the management API sees it. */
export interface KeyHolder { id: number; domain: string; role: KeyRole }

/** Why a key may not manage a domain's datasets, or undefined when it may. */
export function refuseDatasetManagement(key: KeyHolder, domain: string): string | undefined {
  if (key.role === 'admin') return undefined;
  if (key.role === 'read') return 'this key only reads; managing datasets needs a key with the write or admin role';
  return key.domain === domain ? undefined : `this key manages the datasets of domain ${key.domain}, not ${domain}`;
}

/** Why a key may not manage domains and keys, or undefined when it may. */
export const refuseAdministration = (key: KeyHolder): string | undefined =>
  key.role === 'admin' ? undefined : `managing domains and keys needs a key with the admin role (this one has ${key.role})`;
