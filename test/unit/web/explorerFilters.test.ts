import { caretLines } from '../../../web/explorer/caret';
import { emptyFilters, filterParams, filtersFrom, filtersTo, toggleExclude, toggleRefine, type Filters } from '../../../web/explorer/filters';

const refine = (r: Record<string, string[]>, e: Record<string, string[]> = {}): Filters => ({ q: '', refine: r, exclude: e });

describe('the explorer\'s facet clicks', () => {
  test('a date drills down: the month replaces its year, the day its month; pressing a level again lets it go with what is below', () => {
    let f = toggleRefine(emptyFilters(), 'date', '2019', false);
    expect(f.refine.date).toEqual(['2019']);
    f = toggleRefine(f, 'date', '2019/06', false);
    expect(f.refine.date).toEqual(['2019/06']);
    f = toggleRefine(f, 'date', '2019/06/21', false);
    expect(f.refine.date).toEqual(['2019/06/21']);
    // The year is shown refined (its descendant is): pressing it clears the whole path.
    expect(toggleRefine(f, 'date', '2019', false).refine.date).toEqual([]);
  });

  test('on a disjunctive field values add up; elsewhere a new value replaces the old one', () => {
    expect(toggleRefine(refine({ theme: ['Culture'] }), 'theme', 'Sport', true).refine.theme).toEqual(['Culture', 'Sport']);
    expect(toggleRefine(refine({ theme: ['Culture', 'Sport'] }), 'theme', 'Culture', true).refine.theme).toEqual(['Sport']);
    expect(toggleRefine(refine({ type: ['Série TV'] }), 'type', 'Long métrage', false).refine.type).toEqual(['Long métrage']);
  });

  test('a value is refined or excluded, never both', () => {
    const excluded = toggleExclude(refine({ type: ['Série TV'] }), 'type', 'Série TV');
    expect([excluded.refine.type, excluded.exclude.type]).toEqual([[], ['Série TV']]);
    const refined = toggleRefine(excluded, 'type', 'Série TV', false);
    expect([refined.refine.type, refined.exclude.type]).toEqual([['Série TV'], []]);
    expect(toggleExclude(excluded, 'type', 'Série TV').exclude.type).toEqual([]);
  });

  test('the API\'s parameters, and the hash round trip', () => {
    const f: Filters = { q: 'a>1', refine: { theme: ['Culture', 'Sport'], date: ['2019/06'] }, exclude: { type: ['Série TV'] } };
    expect(filterParams(f, new Set(['theme']))).toEqual([
      ['q', 'a>1'], ['refine.theme', 'Culture'], ['refine.theme', 'Sport'], ['refine.date', '2019/06'], ['exclude.type', 'Série TV'], ['disjunctive.theme', 'true'],
    ]);
    const hash = new URLSearchParams();
    filtersTo(f, hash);
    expect(filtersFrom(new URLSearchParams(hash.toString()))).toEqual(f);
  });
});

describe('caretLines', () => {
  test('the caret stands under the offset, on the line of a multi-line query that holds it', () => {
    expect(caretLines('abc def', 4)).toEqual({ line: 'abc def', caret: '    ^' });
    expect(caretLines('a AND\n  b:', 10)).toEqual({ line: '  b:', caret: '    ^' });
    expect(caretLines('x', 1)).toEqual({ line: 'x', caret: ' ^' });
  });
});
