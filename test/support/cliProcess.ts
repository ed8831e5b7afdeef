import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ROOT = join(__dirname, '..', '..');
/** Under the project root, so that the built code finds package.json and migrations/ above it. */
const BUILD = join(ROOT, '.cache', 'cli-test-build');

/**
 * Builds the CLI (src/cli/main.ts and what it imports) to JavaScript once, as `npm run build`
 * would but without type checking (the type check is CI's job), so tests can run it as a process.
 */
export async function buildCli(): Promise<void> {
  await run(process.execPath, [
    join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), join(ROOT, 'src', 'cli', 'main.ts'),
    '--outDir', BUILD, '--rootDir', ROOT, '--module', 'commonjs', '--target', 'ES2022', '--moduleResolution', 'node',
    '--esModuleInterop', '--resolveJsonModule', '--skipLibCheck', '--noCheck', '--types', 'node',
  ], { cwd: ROOT, maxBuffer: 1 << 24 });
}

export interface CliRun { code: number; stdout: string; stderr: string }

/**
 * `portal-search <args>` as a child process, with the test environment (its index prefix and
 * database) unless `env` overrides it; stdout and stderr are pipes, not a terminal.
 */
export async function runCli(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  const childEnv = { ...process.env, LOG_LEVEL: 'silent', ES_INDEX_PREFIX: process.env.ES_INDEX_PREFIX || 'test-', ...env };
  try {
    const { stdout, stderr } = await run(process.execPath, [join(BUILD, 'src', 'cli', 'main.js'), ...args], { cwd: ROOT, env: childEnv, maxBuffer: 1 << 24 });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code?: number | string; stdout?: string; stderr?: string };
    if (typeof e.code !== 'number') throw err;
    return { code: e.code, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}
