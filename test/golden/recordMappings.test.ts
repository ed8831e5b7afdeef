import { join } from 'node:path';
import { recordMapping } from '../../src/index/recordMapping';
import { resolveSchema } from '../../src/ingest/resolveSchema';
import { expectGolden, expectNoStrayGolden } from '../support/goldenFile';
import { FIXTURE_IDS, fixtureDescriptor } from '../support/ingestFixture';

/**
 * The index body of each fixture dataset, as reviewable JSON under test/golden/mappings/.
 * Regenerate on purpose with UPDATE_GOLDEN=1 and review the diff; without it a missing file fails.
 */
describe('record index mappings (golden)', () => {
  test.each(FIXTURE_IDS)('%s', (id) => {
    expectGolden(join(__dirname, 'mappings', `${id}.json`), recordMapping(resolveSchema(fixtureDescriptor(id), [])));
  });

  test('every golden file belongs to a fixture', () => {
    expectNoStrayGolden(join(__dirname, 'mappings'), FIXTURE_IDS);
  });
});
