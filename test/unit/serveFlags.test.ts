import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SERVE_NODE_FLAGS, serveNodeFlags } from '../../bench/serveFlags';

/**
 * The API is started in three places a reader may copy (the Dockerfile, scripts/demo.sh, the
 * README's command line) and by the benches (bench/serveFlags.ts): all four give Node the same
 * flags, so that what the benches measure is what a portal runs.
 */
const ROOT = join(__dirname, '..', '..');
const text = (file: string): string => readFileSync(join(ROOT, file), 'utf8');
/** Every `node <flags> dist/src/cli/main.js serve` in a text: the flags of each, in order. */
const serveLines = (body: string): string[][] =>
  [...body.matchAll(/node((?: --[a-z-]+=\d+)*) dist\/src\/cli\/main\.js serve/g)].map((m) => m[1].trim().split(' ').filter(Boolean));

describe('the flags the API is served with', () => {
  test.each(['Dockerfile', 'scripts/demo.sh', 'README.md'])('%s starts it with the benches\' flags', (file) => {
    const lines = serveLines(text(file));
    expect(lines.length).toBeGreaterThan(0);
    for (const flags of lines) expect(flags).toEqual([...SERVE_NODE_FLAGS]);
  });

  test('the README runs the installed command with the same flags, on node\'s command line', () => {
    const given = [...text('README.md').matchAll(/node((?: --[a-z-]+=\d+)*) "\$\(command -v portal-search\)" serve/g)].map((m) => m[1].trim().split(' '));
    expect(given.length).toBeGreaterThan(0);
    for (const flags of given) expect(flags).toEqual([...SERVE_NODE_FLAGS]);
  });

  test('the README puts no flag in NODE_OPTIONS (Node refuses two of them there)', () => {
    expect(text('README.md')).not.toMatch(/NODE_OPTIONS='--/);
  });

  test('this Node takes every flag, and refuses an unknown one', () => {
    const run = (flags: readonly string[]) => spawnSync(process.execPath, [...flags, '-e', 'process.exit(0)'], { encoding: 'utf8' });
    expect(run(SERVE_NODE_FLAGS)).toMatchObject({ status: 0, stderr: '' });
    expect(run(['--no-such-v8-flag=1']).status).not.toBe(0);
  });

  test('a bench takes other flags from BENCH_SERVE_FLAGS, and the served ones without it', () => {
    expect(serveNodeFlags({ BENCH_SERVE_FLAGS: ' --max-old-space-size=512  --trace-gc ' })).toEqual(['--max-old-space-size=512', '--trace-gc']);
    expect(serveNodeFlags({ BENCH_SERVE_FLAGS: '' })).toEqual([...SERVE_NODE_FLAGS]);
    expect(serveNodeFlags({})).toEqual([...SERVE_NODE_FLAGS]);
  });
});
