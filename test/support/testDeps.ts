import { loadConfig } from '../../src/config/config';
import type { Deps } from '../../src/execute/deps';
import { openDeps } from '../../src/execute/openDeps';

/** Stores for integration tests: the test database and the `test-` index prefix set by scripts/test.sh. */
export async function openTestDeps(): Promise<Deps & { close(): Promise<void> }> {
  const config = loadConfig({ ...process.env, ES_INDEX_PREFIX: process.env.ES_INDEX_PREFIX || 'test-' });
  return openDeps(config);
}
