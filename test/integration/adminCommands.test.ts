import { domainCommand, keyCommand } from '../../src/cli/adminCommands';
import { domainOfApiKey, liveApiKey } from '../../src/execute/apiKeyStore';
import type { Deps } from '../../src/execute/deps';
import { openTestDeps } from '../support/testDeps';
import { publishTinyCsv } from '../support/tinyDataset';

let deps: Deps & { close(): Promise<void> };
beforeAll(async () => { deps = await openTestDeps(); }, 600000);
afterAll(() => deps.close());

/** Runs a CLI command and returns its exit code and what it printed. */
async function run(command: (deps: Deps, args: string[]) => Promise<number>, args: string[]): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  const spy = jest.spyOn(console, 'log').mockImplementation((line: string) => { lines.push(line); });
  try { return { code: await command(deps, args), out: lines.join('\n') }; } finally { spy.mockRestore(); }
}

describe('domain and key commands (the CLI, against PostgreSQL)', () => {
  test('domain add, list, remove; a domain that owns datasets stays', async () => {
    expect((await run(domainCommand, ['add', 'cli-empty', '--title', 'Empty one'])).code).toBe(0);
    expect((await run(domainCommand, ['add', 'cli-owner', '--include-public'])).code).toBe(0);
    await publishTinyCsv(deps, 'cli-owned', [{ name: 'nom', type: 'text' }], [['a']], { domain: 'cli-owner' });
    const list = (await run(domainCommand, ['list'])).out.split('\n');
    expect(list).toContain('cli-empty\town datasets only\t0 datasets\tEmpty one');
    expect(list).toContain('cli-owner\tincludes public datasets\t1 datasets\tcli-owner');
    expect(await run(domainCommand, ['remove', 'cli-owner'])).toEqual({ code: 1, out: 'domain cli-owner not removed: it still owns datasets' });
    expect(await run(domainCommand, ['remove', 'default'])).toEqual({ code: 1, out: 'domain default not removed: the default domain cannot be removed' });
    expect(await run(domainCommand, ['remove', 'cli-empty'])).toEqual({ code: 0, out: 'domain cli-empty removed' });
    expect((await run(domainCommand, ['list'])).out).not.toContain('cli-empty');
    expect((await run(domainCommand, ['frobnicate'])).code).toBe(2);
  });

  test('key create prints a working key once; revoke stops it; list shows its state', async () => {
    await run(domainCommand, ['add', 'cli-keys']);
    const created = await run(keyCommand, ['create', 'cli-keys', '--label', 'portal front-end']);
    const m = /^read key (\d+) for domain cli-keys \(shown once, keep it\): (ps_[A-Za-z0-9_-]{43})$/.exec(created.out);
    expect([created.code, m !== null]).toEqual([0, true]);
    const [, id, key] = m!;
    expect(await domainOfApiKey(deps.pool, key)).toBe('cli-keys');
    expect((await run(keyCommand, ['list'])).out.split('\n')).toContain(`${id}\tcli-keys\tread\tlive\tportal front-end`);
    expect(await run(keyCommand, ['revoke', id])).toEqual({ code: 0, out: `key ${id} revoked` });
    expect(await domainOfApiKey(deps.pool, key)).toBeUndefined();
    expect(await run(keyCommand, ['revoke', id])).toEqual({ code: 1, out: `no live key ${id}` });
    expect((await run(keyCommand, ['list'])).out).toMatch(new RegExp(`^${id}\\tcli-keys\\tread\\trevoked \\d{4}-`, 'm'));
    expect(await run(keyCommand, ['create', 'no-such-domain'])).toEqual({ code: 1, out: 'no domain no-such-domain' });
  });

  test('key create --role gives the key that role; an unknown role is a usage error', async () => {
    await run(domainCommand, ['add', 'cli-roles']);
    for (const role of ['write', 'admin'] as const) {
      const created = await run(keyCommand, ['create', 'cli-roles', '--role', role]);
      const m = new RegExp(`^${role} key (\\d+) for domain cli-roles \\(shown once, keep it\\): (ps_\\S+)$`).exec(created.out);
      expect([created.code, m !== null]).toEqual([0, true]);
      expect(await liveApiKey(deps.pool, m![2])).toEqual({ id: Number(m![1]), domain: 'cli-roles', role });
    }
    expect(await run(keyCommand, ['create', 'cli-roles', '--role', 'owner'])).toEqual({ code: 2, out: '--role is read, write or admin, not owner' });
  });
});
