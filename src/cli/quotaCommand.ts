import type { Config } from '../config/config';
import type { Deps } from '../execute/deps';
import { clearDomainQuota, DomainQuotaRow, listDomainQuotas, setDomainQuota } from '../execute/domainQuotaStore';
import { option } from './adminCommands';

export const QUOTA_USAGE = `  quota set <domain> [--anonymous-per-day <n>] [--anonymous-per-second <n>] [--key-per-day <n>] [--key-per-second <n>]
                                         set a domain's quotas (the others keep their value)
  quota list                             every domain's quotas (default: the QUOTA_* configuration)
  quota clear <domain>                   put a domain back on the configured quotas`;

const FLAGS = { '--anonymous-per-day': 'anonymousPerDay', '--anonymous-per-second': 'anonymousPerSecond', '--key-per-day': 'keyPerDay', '--key-per-second': 'keyPerSecond' } as const;

/** `quota …`: exit code 0, or 1 with a message, or 2 for a usage error. */
export async function quotaCommand(deps: Deps, defaults: Config['quotas'], args: string[]): Promise<number> {
  const [sub, domain] = args;
  if (sub === 'list') {
    const own = new Map((await listDomainQuotas(deps.pool)).map((r) => [r.domain, r]));
    const { rows } = await deps.pool.query<{ id: string }>('SELECT id FROM domains ORDER BY id');
    for (const { id } of rows) {
      const q = own.get(id);
      const cell = (v: number | undefined, d: number): string => (v === undefined ? `${d} (default)` : String(v));
      console.log(`${id}\tanonymous ${cell(q?.anonymousPerDay, defaults.anonymous.perDay)}/day ${cell(q?.anonymousPerSecond, defaults.anonymous.perSecond)}/s\tkeys ${cell(q?.keyPerDay, defaults.key.perDay)}/day ${cell(q?.keyPerSecond, defaults.key.perSecond)}/s`);
    }
    return 0;
  }
  if (sub === 'clear' && domain) {
    const done = await clearDomainQuota(deps.pool, domain);
    console.log(done ? `domain ${domain} back on the configured quotas` : `domain ${domain} sets no quota`);
    return 0;
  }
  if (sub === 'set' && domain) {
    const row: DomainQuotaRow = { domain };
    for (const [flag, field] of Object.entries(FLAGS)) {
      const v = option(args, flag);
      if (v === undefined) continue;
      if (!/^[1-9]\d{0,8}$/.test(v)) { console.log(`${flag} takes a positive whole number`); return 1; }
      row[field] = Number(v);
    }
    if (args.slice(2).some((a, i) => i % 2 === 0 && !(a in FLAGS)) || Object.keys(row).length === 1) return 2;
    if (!(await setDomainQuota(deps.pool, row))) { console.log(`no domain ${domain}`); return 1; }
    console.log(`domain ${domain} quotas saved`);
    return 0;
  }
  return 2;
}
