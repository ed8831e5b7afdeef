import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const SCRIPT = join(__dirname, '..', '..', 'scripts', 'elasticsearch.sh');

/**
 * The local three-node cluster of scripts/elasticsearch.sh (`cluster-*` commands): started
 * (only the nodes that are not running), listed by pid, stopped.
 */
export async function startCluster(): Promise<string[]> {
  const { stdout } = await run('bash', [SCRIPT, 'cluster-start'], { maxBuffer: 1 << 20 });
  return stdout.trim().split('\n').pop()!.split(',');
}

/** The running nodes: HTTP port → pid of the node the script started. */
export async function clusterPids(): Promise<Map<number, number>> {
  const { stdout } = await run('bash', [SCRIPT, 'cluster-pids']);
  return new Map(stdout.trim().split('\n').filter((l) => l !== '').map((l) => l.split(' ').map(Number) as [number, number]));
}

export async function stopCluster(): Promise<void> {
  await run('bash', [SCRIPT, 'cluster-stop']);
}
