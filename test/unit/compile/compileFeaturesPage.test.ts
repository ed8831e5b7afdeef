import { compileFeaturesPage } from '../../../src/compile/compileFeaturesPage';
import { searchPlan } from '../../support/compileInputs';

/** A features page plan: 50 records, in record id order, whatever offset the plan held. */
const plan = searchPlan({ start: 100, rows: 50 });
const FIRST_PAGE = { index: 'rec', query: { match_all: {} }, track_total_hits: true, from: 0, size: 50, sort: [{ recordid: { order: 'asc' } }], _source: true };

describe('compileFeaturesPage', () => {
  test('the first page starts at 0, without search_after, whatever start the plan held', () => {
    expect(compileFeaturesPage(plan, undefined)).toStrictEqual(FIRST_PAGE);
  });

  test('a next page starts after the last record id, still from 0', () => {
    expect(compileFeaturesPage(plan, 'f3a9')).toStrictEqual({ ...FIRST_PAGE, search_after: ['f3a9'] });
    expect(compileFeaturesPage(plan, '')).toStrictEqual({ ...FIRST_PAGE, search_after: [''] });
  });
});
