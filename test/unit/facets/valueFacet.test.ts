import { MAX_FACET_VALUES, valueFacet } from '../../../src/facets/valueFacet';
import { AppError } from '../../../src/errors/catalogue';
import type { FieldDef } from '../../../src/model/descriptor';
import type { FacetContext } from '../../../src/model/facetKind';

const ctx = (type: 'text' | 'int' | 'double', size?: number): FacetContext => ({
  field: { name: 'f', label: 'F', type, annotations: [{ name: 'facet' }], source: { column: 'f' } } as FieldDef,
  valuePath: 'v.f',
  timeZone: 'UTC',
  order: [{ _key: 'asc' }],
  ...(size === undefined ? {} : { size }),
});

describe('valueFacet.parsePath', () => {
  test('a text value is its own path, as written but in NFC', () => {
    // "e" + combining acute (U+0301) composes to "é" (U+00E9).
    expect(valueFacet.parsePath(ctx('text'), ' Cafe\u0301 ')).toEqual({ path: ' Caf\u00e9 ', depth: 1 });
    expect(valueFacet.parsePath(ctx('text'), '')).toEqual({ path: '', depth: 1 });
  });

  test.each([
    ['42', '42'],
    [' 42 ', '42'],
    ['+7', '7'],
    ['4.50', '4.5'],
    ['5.', '5'],
    ['.5', '0.5'],
    ['-0.25', '-0.25'],
    ['1e3', '1000'],
    ['2.5E-1', '0.25'],
  ])('the number %j has the path %s', (raw, path) => {
    expect(valueFacet.parsePath(ctx('double'), raw)).toEqual({ path, depth: 1 });
    expect(valueFacet.parsePath(ctx('int'), raw)).toEqual({ path, depth: 1 });
  });

  test.each(['', 'abc', '12abc', '0x10', '1e400', '1e1000', '1,5', 'Infinity', '-', '.'])('%j is no number', (raw) => {
    expect(valueFacet.parsePath(ctx('double'), raw)).toBeUndefined();
  });
});

describe('valueFacet.select', () => {
  test('a text value is a term on its keyword', () => {
    expect(valueFacet.select(ctx('text'), { path: '42', depth: 1 })).toEqual({ kind: 'term', path: 'v.f', value: '42' });
  });

  test('a number is a term on its number', () => {
    expect(valueFacet.select(ctx('int'), { path: '42', depth: 1 })).toEqual({ kind: 'term', path: 'v.f', value: 42 });
    expect(valueFacet.select(ctx('double'), { path: '4.5', depth: 1 })).toEqual({ kind: 'term', path: 'v.f', value: 4.5 });
  });

  test('an int field holds no fraction and no integer beyond 2^53 - 1', () => {
    expect(valueFacet.select(ctx('int'), { path: '4.5', depth: 1 })).toEqual({ kind: 'none' });
    // 2^53 + 2 = 9007199254740994 is exactly representable, yet not a safe integer.
    expect(valueFacet.select(ctx('int'), { path: '9007199254740994', depth: 1 })).toEqual({ kind: 'none' });
    expect(valueFacet.select(ctx('int'), { path: '9007199254740991', depth: 1 })).toEqual({ kind: 'term', path: 'v.f', value: 9007199254740991 });
  });
});

describe('valueFacet.level and read', () => {
  test('one level: a terms aggregation, capped at the facet maximum or the request size', () => {
    expect(valueFacet.maxDepth).toBe(1);
    expect(MAX_FACET_VALUES).toBe(1000);
    expect(valueFacet.level(ctx('text'), 1)).toEqual({ terms: { field: 'v.f', size: 1000, min_doc_count: 1, order: [{ _key: 'asc' }] } });
    expect(valueFacet.level(ctx('int', 5), 1)).toEqual({ terms: { field: 'v.f', size: 5, min_doc_count: 1, order: [{ _key: 'asc' }] } });
  });

  test('there is no second level', () => {
    expect(() => valueFacet.level(ctx('text'), 2)).toThrow(new AppError('internal', 'a value facet has one level'));
    expect(() => valueFacet.level(ctx('text'), 2)).toThrow(AppError);
  });

  test('keys become paths as text', () => {
    const result = { buckets: [{ key: 3, doc_count: 7 }, { key: 'Paris', doc_count: 2 }, { key: 2.5, key_as_string: '2.5', doc_count: 1 }] };
    expect(valueFacet.read(ctx('double'), result)).toEqual([{ path: '3', count: 7 }, { path: 'Paris', count: 2 }, { path: '2.5', count: 1 }]);
    expect(valueFacet.read(ctx('text'), {})).toEqual([]);
  });

  test('a number whose index keeps its key is counted by the key, and read back from it; a refine still selects the number', () => {
    const keyed: FacetContext = { ...ctx('double'), keyPath: 'k.f' };
    expect(valueFacet.level(keyed, 1)).toEqual({ terms: { field: 'k.f', size: 1000, min_doc_count: 1, order: [{ _key: 'asc' }] } });
    expect(valueFacet.select(keyed, { path: '-2.5', depth: 1 })).toEqual({ kind: 'term', path: 'v.f', value: -2.5 });
    // IEEE 754: 2019 is 0x409F8C0000000000 (sign bit set in its key), −2.5 is 0xC004000000000000 (every bit flipped).
    const result = { buckets: [{ key: 'c09f8c0000000000', doc_count: 7 }, { key: '3ffbffffffffffff', doc_count: 2 }, { key: 'not a key', doc_count: 1 }] };
    expect(valueFacet.read(keyed, result)).toEqual([{ path: '2019', count: 7 }, { path: '-2.5', count: 2 }]);
  });

  test('a value is its own name, under nothing and with no parent', () => {
    expect(valueFacet.nameOf(ctx('text'), 'a/b')).toBe('a/b');
    expect(valueFacet.isUnder(ctx('text'), 'a', 'a/b')).toBe(false);
    expect(valueFacet.parentOf(ctx('text'), 'a/b')).toBeUndefined();
  });
});
