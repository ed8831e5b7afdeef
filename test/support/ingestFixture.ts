import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDescriptor } from '../../src/catalog/parseDescriptor';
import type { Deps } from '../../src/execute/deps';
import { getDataset } from '../../src/execute/datasetStore';
import { DatasetRow } from '../../src/model/dataset';
import { publishDataset } from '../../src/usecases/publishDataset';
import { FIXTURES } from './rawFixtures';

export const FIXTURE_IDS = [
  'lieux-de-tournage-a-paris', 'chantiers-perturbants', 'liste-des-gares', 'velib-emplacement-des-stations', 'communes-france',
] as const;

export function fixtureDescriptor(id: string) {
  const file = join(FIXTURES, 'descriptors', `${id}.json`);
  return parseDescriptor(JSON.parse(readFileSync(file, 'utf8')), file);
}

/** Publishes one fixture dataset through the real pipeline. */
export function ingestFixture(deps: Deps, id: string, clock?: () => Date) {
  return publishDataset(deps, fixtureDescriptor(id), { baseDir: join(FIXTURES, 'descriptors'), clock });
}

/** Publishes a fixture unless this test run already has it (the run starts from an empty database). */
export async function ensureFixture(deps: Deps, id: string): Promise<DatasetRow> {
  const existing = await getDataset(deps.pool, id);
  if (existing?.hasRecords) return existing;
  await ingestFixture(deps, id);
  return (await getDataset(deps.pool, id))!;
}
