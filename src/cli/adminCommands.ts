import { isKeyRole } from '../auth/roles';
import { createApiKey, listApiKeys, revokeApiKey } from '../execute/apiKeyStore';
import { domainExists, upsertDomain } from '../execute/datasetStore';
import type { Deps } from '../execute/deps';
import { listDomains, removeDomain } from '../execute/domainStore';

export const ADMIN_USAGE = `  domain add <id> --title <title> [--include-public]   create or update a domain
  domain list                            domains, whether they include the platform's public datasets, dataset counts
  domain remove <id>                     remove a domain that owns no dataset (and its keys)
  key create <domain> [--role read|write|admin] [--label <text>]
                                         issue an API key for a domain (printed once; only its hash is kept):
                                         read (the default) sees the domain's private and draft datasets, write
                                         also manages its datasets, admin manages every domain and key
  key list                               keys by id, domain, label and state
  key revoke <id>                        revoke a key`;

export const option = (args: string[], name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};

/** `domain …`: exit code 0, or 1 with a message, or 2 for a usage error. */
export async function domainCommand(deps: Deps, args: string[]): Promise<number> {
  const [sub, id] = args;
  if (sub === 'list') {
    for (const d of await listDomains(deps.pool)) console.log(`${d.id}\t${d.includePublic ? 'includes public datasets' : 'own datasets only'}\t${d.datasets} datasets\t${d.title}`);
    return 0;
  }
  if (sub === 'add' && id) {
    await upsertDomain(deps.pool, { id, title: option(args, '--title') ?? id, includePublic: args.includes('--include-public') });
    console.log(`domain ${id} saved`);
    return 0;
  }
  if (sub === 'remove' && id) {
    const refusal = await removeDomain(deps.pool, id);
    console.log(refusal ? `domain ${id} not removed: ${refusal}` : `domain ${id} removed`);
    return refusal ? 1 : 0;
  }
  return 2;
}

/** `key …`: exit code 0, or 1 with a message, or 2 for a usage error. */
export async function keyCommand(deps: Deps, args: string[]): Promise<number> {
  const [sub, arg] = args;
  if (sub === 'create' && arg) {
    const role = option(args, '--role') ?? 'read';
    if (!isKeyRole(role)) { console.log(`--role is read, write or admin, not ${role}`); return 2; }
    if (!(await domainExists(deps.pool, arg))) { console.log(`no domain ${arg}`); return 1; }
    const { id, key } = await createApiKey(deps.pool, arg, option(args, '--label') ?? '', role);
    console.log(`${role} key ${id} for domain ${arg} (shown once, keep it): ${key}`);
    return 0;
  }
  if (sub === 'list') {
    for (const k of await listApiKeys(deps.pool)) console.log(`${k.id}\t${k.domain}\t${k.role}\t${k.revokedAt ? `revoked ${k.revokedAt.toISOString()}` : 'live'}\t${k.label}`);
    return 0;
  }
  if (sub === 'revoke' && /^\d+$/.test(arg ?? '')) {
    const done = await revokeApiKey(deps.pool, Number(arg));
    console.log(done ? `key ${arg} revoked` : `no live key ${arg}`);
    return done ? 0 : 1;
  }
  return 2;
}
