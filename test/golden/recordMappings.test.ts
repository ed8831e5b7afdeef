import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { recordMapping } from '../../src/index/recordMapping';
import { resolveSchema } from '../../src/ingest/resolveSchema';
import { FIXTURE_IDS, fixtureDescriptor } from '../support/ingestFixture';

/**
 * The index body of each fixture dataset, as reviewable JSON under test/golden/mappings/.
 * Regenerate on purpose with UPDATE_GOLDEN=1 and review the diff.
 */
describe('record index mappings (golden)', () => {
  test.each(FIXTURE_IDS)('%s', (id) => {
    const body = recordMapping(resolveSchema(fixtureDescriptor(id), []));
    const file = join(__dirname, 'mappings', `${id}.json`);
    const text = `${JSON.stringify(body, null, 2)}\n`;
    if (process.env.UPDATE_GOLDEN === '1' || !existsSync(file)) writeFileSync(file, text);
    expect(text).toBe(readFileSync(file, 'utf8'));
  });
});
