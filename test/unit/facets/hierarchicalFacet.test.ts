import { hierarchicalFacet } from '../../../src/facets/hierarchicalFacet';
import type { Annotation, FieldDef } from '../../../src/model/descriptor';
import type { FacetContext } from '../../../src/model/facetKind';

/** A hierarchical text field `region`, split on `separator` (the annotation's argument), or on its default. */
const ctx = (separator?: string, size?: number): FacetContext => {
  const hierarchical: Annotation = separator === undefined ? { name: 'hierarchical' } : { name: 'hierarchical', args: [separator] };
  return {
    field: { name: 'region', label: 'Région', type: 'text', annotations: [{ name: 'facet' }, hierarchical], source: { column: 'region' } } as FieldDef,
    valuePath: 'v.region',
    timeZone: 'UTC',
    order: [{ _count: 'desc' }, { _key: 'asc' }],
    ...(size === undefined ? {} : { size }),
  };
};

describe('hierarchicalFacet.parsePath', () => {
  test.each([
    ['France', 'France', 1],
    ['France/Ile-de-France/Paris', 'France/Ile-de-France/Paris', 3],
    [' France / Ile-de-France /Paris ', 'France/Ile-de-France/Paris', 3],
    ['/France//Paris/', 'France/Paris', 2],
  ])('%j → %s at depth %d (default separator /)', (raw, path, depth) => {
    expect(hierarchicalFacet.parsePath(ctx(), raw)).toEqual({ path, depth });
  });

  test('levels are compared in NFC', () => {
    // "Ile-de-France" written with "I" + combining circumflex (U+0302) becomes "Î" (U+00CE).
    expect(hierarchicalFacet.parsePath(ctx(), 'France/I\u0302le-de-France')).toEqual({ path: 'France/\u00cele-de-France', depth: 2 });
  });

  test('the separator is the annotation argument', () => {
    expect(hierarchicalFacet.parsePath(ctx(' > '), 'Europe > France > Paris')).toEqual({ path: 'Europe > France > Paris', depth: 3 });
    // With ">" as separator, "/" is an ordinary character: one level.
    expect(hierarchicalFacet.parsePath(ctx('>'), 'a/b')).toEqual({ path: 'a/b', depth: 1 });
    expect(hierarchicalFacet.parsePath(ctx('>'), 'a > b')).toEqual({ path: 'a>b', depth: 2 });
  });

  test('levels past the eighth are kept in the path, at depth 8', () => {
    const ten = 'a/b/c/d/e/f/g/h/i/j';
    expect(hierarchicalFacet.parsePath(ctx(), ten)).toEqual({ path: ten, depth: 8 });
    expect(hierarchicalFacet.parsePath(ctx(), 'a/b/c/d/e/f/g/h')).toEqual({ path: 'a/b/c/d/e/f/g/h', depth: 8 });
    expect(hierarchicalFacet.maxDepth).toBe(8);
  });

  test.each(['', '/', ' / / ', '   '])('%j has no level', (raw) => {
    expect(hierarchicalFacet.parsePath(ctx(), raw)).toBeUndefined();
  });
});

describe('hierarchicalFacet.select and level', () => {
  test('a path is one term on the key of its level', () => {
    expect(hierarchicalFacet.select(ctx(), { path: 'France/Paris', depth: 2 })).toEqual({ kind: 'term', path: 'h.region.l2', value: 'France/Paris' });
    expect(hierarchicalFacet.select(ctx(), { path: 'a/b/c/d/e/f/g/h/i', depth: 9 })).toEqual({ kind: 'term', path: 'h.region.l8', value: 'a/b/c/d/e/f/g/h/i' });
  });

  test('a level is a terms aggregation on its key', () => {
    expect(hierarchicalFacet.level(ctx(), 3)).toEqual({
      terms: { field: 'h.region.l3', size: 1000, min_doc_count: 1, order: [{ _count: 'desc' }, { _key: 'asc' }] },
    });
    expect(hierarchicalFacet.level(ctx('/', 20), 1)).toEqual({
      terms: { field: 'h.region.l1', size: 20, min_doc_count: 1, order: [{ _count: 'desc' }, { _key: 'asc' }] },
    });
  });

  test('buckets are read by key', () => {
    expect(hierarchicalFacet.read(ctx(), { buckets: [{ key: 'France/Paris', doc_count: 3 }] })).toEqual([{ path: 'France/Paris', count: 3 }]);
    expect(hierarchicalFacet.read(ctx(), {})).toEqual([]);
  });
});

describe('hierarchicalFacet paths', () => {
  test.each([
    ['France/Ile-de-France/Paris', 'Paris'],
    ['France', 'France'],
  ])('the name of %s is %s', (path, name) => {
    expect(hierarchicalFacet.nameOf(ctx(), path)).toBe(name);
  });

  test('names and parents follow the separator', () => {
    expect(hierarchicalFacet.nameOf(ctx('>'), 'a/b>c/d')).toBe('c/d');
    expect(hierarchicalFacet.parentOf(ctx('>'), 'a/b>c/d')).toBe('a/b');
    expect(hierarchicalFacet.isUnder(ctx('>'), 'a', 'a>b')).toBe(true);
    expect(hierarchicalFacet.isUnder(ctx('>'), 'a', 'a/b')).toBe(false);
  });

  test.each([
    ['France', 'France/Paris', true],
    ['France', 'France/Ile-de-France/Paris', true],
    ['France', 'France', false],
    ['Fr', 'France/Paris', false],
    ['France/Paris', 'France', false],
  ])('%s is above %s: %s', (parent, path, under) => {
    expect(hierarchicalFacet.isUnder(ctx(), parent, path)).toBe(under);
  });

  test.each([
    ['France/Ile-de-France/Paris', 'France/Ile-de-France'],
    ['France', undefined],
    // A separator in first place leaves no parent (an empty path is none).
    ['/France', undefined],
  ])('the parent of %s is %s', (path, parent) => {
    expect(hierarchicalFacet.parentOf(ctx(), path)).toBe(parent);
  });
});
