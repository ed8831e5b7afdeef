import { totalHits } from '../../../src/results/totalHits';

describe('totalHits', () => {
  it('reads the total as Elasticsearch 7+ answers it (an object)', () => {
    expect(totalHits({ hits: { total: { value: 42, relation: 'eq' } } })).toBe(42);
  });

  it('reads a bare number (rest_total_hits_as_int)', () => {
    expect(totalHits({ hits: { total: 7 } })).toBe(7);
  });

  it('is 0 when the search did not track the total', () => {
    expect(totalHits({ hits: {} })).toBe(0);
  });
});
