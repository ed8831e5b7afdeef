import { execFile, spawn } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
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

/** A free TCP port on the loopback interface (the system's choice, released for the server to take). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A running `portal-search serve`: its base URL, and how to stop it (SIGTERM; resolves to its exit code). */
export interface ServeProcess { url: string; stop(): Promise<number | null> }

/**
 * `portal-search serve` as a child process on a free loopback port, resolved once it logs that it
 * listens (or rejected with what it printed when it exits first).
 */
export async function startServe(env: Record<string, string> = {}): Promise<ServeProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [join(BUILD, 'src', 'cli', 'main.js'), 'serve'], {
    cwd: ROOT, env: { ...process.env, ES_INDEX_PREFIX: process.env.ES_INDEX_PREFIX || 'test-', ...env, LOG_LEVEL: 'info', PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let printed = '';
  child.stderr.on('data', (chunk: Buffer) => { printed += chunk.toString('utf8'); });
  await new Promise<void>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      printed += `${line}\n`;
      if (line.includes('portal-search listening')) resolve();
    });
    void exited.then((code) => reject(new Error(`serve exited (${code}) before listening: ${printed}`)));
  });
  return { url: `http://127.0.0.1:${port}`, stop: () => { child.kill('SIGTERM'); return exited; } };
}
