import { compilePredicate } from '../../../src/compile/compilePredicate';
import type { Predicate } from '../../../src/model/predicate';

const paris: Predicate = { kind: 'term', path: 'v.city', value: 'Paris' };
const lyon: Predicate = { kind: 'term', path: 'v.city', value: 'Lyon' };
const PARIS = { term: { 'v.city': { value: 'Paris' } } };
const LYON = { term: { 'v.city': { value: 'Lyon' } } };

describe('compilePredicate: one clause per kind', () => {
  test.each<[string, Predicate, object]>([
    ['all', { kind: 'all' }, { match_all: {} }],
    ['none', { kind: 'none' }, { match_none: {} }],
    ['term (text)', paris, PARIS],
    ['term (number)', { kind: 'term', path: 'v.n', value: 7 }, { term: { 'v.n': { value: 7 } } }],
    ['words', { kind: 'words', paths: ['t.title'], text: 'rue de', match: 'phrase' }, { match_phrase: { 't.title': { query: 'rue de' } } }],
    ['words (prefix)', { kind: 'words', paths: ['t.title'], text: 'ru', match: 'prefix' }, { prefix: { 't.title': { value: 'ru' } } }],
    ['words (several paths)', { kind: 'words', paths: ['t.a', 't.b'], text: 'x y', match: 'lastPrefix' }, {
      bool: { should: [{ match_bool_prefix: { 't.a': { query: 'x y', operator: 'and' } } }, { match_bool_prefix: { 't.b': { query: 'x y', operator: 'and' } } }], minimum_should_match: 1 },
    }],
    ['range', { kind: 'range', path: 'v.n', bounds: { gt: 1, lte: 5 } }, { range: { 'v.n': { gt: 1, lte: 5 } } }],
    ['range (date)', { kind: 'range', path: 'v.d', bounds: { gte: '2024-01-01' }, format: 'strict_date' }, { range: { 'v.d': { gte: '2024-01-01', format: 'strict_date' } } }],
    ['prefix', { kind: 'prefix', path: 'v.city', value: 'Pa' }, { prefix: { 'v.city': { value: 'Pa' } } }],
    ['like', { kind: 'like', path: 'v.city', pattern: [{ kind: 'text', text: 'P?' }, { kind: 'anyChars' }, { kind: 'oneChar' }] }, { wildcard: { 'v.city': { value: 'P\\?*?' } } }],
    ['missing', { kind: 'missing', path: 'v.city' }, { bool: { must_not: [{ exists: { field: 'v.city' } }] } }],
    ['distance', { kind: 'distance', path: 'v.geo', lat: 48.8, lon: 2.3, metres: 100 }, { geo_distance: { distance: '100m', 'v.geo': { lat: 48.8, lon: 2.3 } } }],
    ['polygon', { kind: 'polygon', path: 'v.geo', ring: [[1, 2], [3, 4], [5, 6], [1, 2]] }, {
      geo_shape: { 'v.geo': { shape: { type: 'polygon', coordinates: [[[2, 1], [4, 3], [6, 5], [2, 1]]] }, relation: 'intersects' } },
    }],
    ['bbox', { kind: 'bbox', path: 'v.geo', south: 1, west: 2, north: 3, east: 4 }, {
      geo_bounding_box: { 'v.geo': { top_left: { lat: 3, lon: 2 }, bottom_right: { lat: 1, lon: 4 } } },
    }],
  ])('%s', (_name, p, body) => {
    expect(compilePredicate(p)).toStrictEqual(body);
  });
});

describe('compilePredicate: and, or, not', () => {
  test('and → bool.filter, or → bool.should, each clause compiled, nested', () => {
    expect(compilePredicate({ kind: 'and', clauses: [paris, { kind: 'or', clauses: [lyon, paris] }] })).toStrictEqual({
      bool: { filter: [PARIS, { bool: { should: [LYON, PARIS], minimum_should_match: 1 } }] },
    });
    expect(compilePredicate({ kind: 'and', clauses: [] })).toStrictEqual({ bool: { filter: [] } });
    expect(compilePredicate({ kind: 'or', clauses: [lyon] })).toStrictEqual({ bool: { should: [LYON], minimum_should_match: 1 } });
  });

  test('not → bool.must_not of the compiled clause', () => {
    expect(compilePredicate({ kind: 'not', clause: paris })).toStrictEqual({ bool: { must_not: [PARIS] } });
    expect(compilePredicate({ kind: 'not', clause: { kind: 'not', clause: paris } })).toStrictEqual({ bool: { must_not: [{ bool: { must_not: [PARIS] } }] } });
    expect(compilePredicate({ kind: 'not', clause: { kind: 'all' } })).toStrictEqual({ bool: { must_not: [{ match_all: {} }] } });
  });

  test('not missing is exists, without a double negation', () => {
    expect(compilePredicate({ kind: 'not', clause: { kind: 'missing', path: 'v.city' } })).toStrictEqual({ exists: { field: 'v.city' } });
    expect(compilePredicate({ kind: 'or', clauses: [{ kind: 'not', clause: { kind: 'missing', path: 'v.a' } }, { kind: 'missing', path: 'v.b' }] })).toStrictEqual({
      bool: { should: [{ exists: { field: 'v.a' } }, { bool: { must_not: [{ exists: { field: 'v.b' } }] } }], minimum_should_match: 1 },
    });
  });
});
