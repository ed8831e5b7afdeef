import { sortFacetValues } from '../../../src/results/sortFacetValues';
import type { FacetValue } from '../../../src/model/facetGroup';

const value = (name: string, count = 1, path = name): FacetValue => ({ name, path, count, state: 'displayed' });
const names = (values: FacetValue[]): string[] => values.map((v) => v.name);
const paths = (values: FacetValue[]): string[] => values.map((v) => v.path);

describe('sortFacetValues', () => {
  it('-count: the biggest first, ties by path ascending', () => {
    const values = [value('b', 2), value('c', 5), value('a', 2), value('d', 1)];
    expect(names(sortFacetValues(values, '-count'))).toEqual(['c', 'a', 'b', 'd']);
  });

  it('count: the smallest first, ties by path ascending', () => {
    const values = [value('b', 2), value('c', 5), value('a', 2), value('d', 1)];
    expect(names(sortFacetValues(values, 'count'))).toEqual(['d', 'a', 'b', 'c']);
  });

  it('ties by count are broken on the path, not the name', () => {
    // Same name under two parents (hierarchy): the path tells them apart.
    const values = [value('x', 3, 'b/x'), value('x', 3, 'a/x')];
    expect(paths(sortFacetValues(values, '-count'))).toEqual(['a/x', 'b/x']);
    expect(paths(sortFacetValues([value('x', 3, 'b/x'), value('x', 3, 'a/x')], 'count'))).toEqual(['a/x', 'b/x']);
  });

  it('alphanum compares code points: upper case before lower case, "10" before "9"', () => {
    const values = [value('b'), value('B'), value('9'), value('10'), value('a')];
    expect(names(sortFacetValues(values, 'alphanum'))).toEqual(['10', '9', 'B', 'a', 'b']);
  });

  it('-alphanum is the reverse text order', () => {
    const values = [value('b'), value('B'), value('9'), value('10'), value('a')];
    expect(names(sortFacetValues(values, '-alphanum'))).toEqual(['b', 'a', 'B', '9', '10']);
  });

  it('alphanum leaves equal names in the order given (the sort is stable, the comparator says 0)', () => {
    expect(paths(sortFacetValues([value('x', 1, 'p2'), value('x', 1, 'p1')], 'alphanum'))).toEqual(['p2', 'p1']);
    expect(paths(sortFacetValues([value('x', 1, 'p2'), value('x', 1, 'p1')], '-alphanum'))).toEqual(['p2', 'p1']);
  });

  it('num orders by numeric value whatever the length of the text, non-numbers last by text', () => {
    // Text order would put "10" before "9" and "-2" before "1"; numbers are 9 < 10 < 100 and -2 < 1.5.
    const values = [value('zz'), value('100'), value('9'), value('abc'), value('-2'), value('10'), value('1.5')];
    expect(names(sortFacetValues(values, 'num'))).toEqual(['-2', '1.5', '9', '10', '100', 'abc', 'zz']);
  });

  it('-num is the exact reverse: non-numbers first (reverse text), then numbers descending', () => {
    const values = [value('zz'), value('100'), value('9'), value('abc'), value('-2'), value('10'), value('1.5')];
    expect(names(sortFacetValues(values, '-num'))).toEqual(['zz', 'abc', '100', '10', '9', '1.5', '-2']);
  });

  it('num breaks ties between equal numbers written differently by their text', () => {
    // "1e1" and "10" are both ten: "10" < "1e1" as text ('0' < 'e').
    expect(names(sortFacetValues([value('1e1'), value('10'), value('2')], 'num'))).toEqual(['2', '10', '1e1']);
    expect(names(sortFacetValues([value('10'), value('1e1'), value('2')], '-num'))).toEqual(['1e1', '10', '2']);
  });

  it('sorts in place and answers the same array', () => {
    const values = [value('b'), value('a')];
    expect(sortFacetValues(values, 'alphanum')).toBe(values);
  });
});
