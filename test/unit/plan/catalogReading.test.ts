import type { SearchPlan } from '../../../src/model/searchPlan';
import { withReading } from '../../../src/plan/catalogReading';

describe('withReading', () => {
  const planned = { index: 'catalog', rows: 10, source: ['datasetid'], storedFields: ['written_ods'] } as unknown as SearchPlan;

  test('reads what it is given instead of what the plan chose, and leaves the plan as it was', () => {
    expect(withReading(planned, { source: ['datasetid', 'dataset.metas'] })).toEqual({ index: 'catalog', rows: 10, source: ['datasetid', 'dataset.metas'] });
    expect(withReading(planned, { source: ['datasetid'], storedFields: ['written_ckan'] })).toEqual({ index: 'catalog', rows: 10, source: ['datasetid'], storedFields: ['written_ckan'] });
    expect(planned.storedFields).toEqual(['written_ods']);
  });

  test('a reading without stored fields has none, not an empty list', () => {
    expect(withReading(planned, { source: [] })).not.toHaveProperty('storedFields');
  });
});
