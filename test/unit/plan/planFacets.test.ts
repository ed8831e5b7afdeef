import { AppError } from '../../../src/errors/catalogue';
import { dateFacet } from '../../../src/facets/dateFacet';
import { hierarchicalFacet } from '../../../src/facets/hierarchicalFacet';
import { valueFacet } from '../../../src/facets/valueFacet';
import type { Annotation, FieldDef, FieldType } from '../../../src/model/descriptor';
import type { FacetSort } from '../../../src/model/recordsRequest';
import { FacetParams, planFacets, recordValuePath } from '../../../src/plan/planFacets';

const field = (name: string, type: FieldType, annotations: Annotation[] = []): FieldDef => ({ name, label: name, type, annotations, source: { column: name } });
const FACET: Annotation = { name: 'facet' };

const kind = field('kind', 'text', [FACET]);
const city = field('city', 'text', [FACET, { name: 'facetsort', args: ['alphanum'] }]);
const odd = field('odd', 'text', [FACET, { name: 'facetsort', args: ['bogus'] }]);
const bare = field('bare', 'text', [FACET, { name: 'facetsort' }]);
const place = field('place', 'text', [FACET, { name: 'hierarchical', args: ['/'] }]);
const n = field('n', 'int', [FACET]);
const x = field('x', 'double', [FACET]);
const d = field('d', 'date', [FACET]);
const t = field('t', 'datetime', [FACET]);
const note = field('note', 'text');
const geo = field('geo', 'geo_point_2d', [FACET]);
const shape = field('shape', 'geo_shape');
const doc = field('doc', 'file', [FACET]);
const schema = [kind, city, odd, bare, place, n, x, d, t, note, geo, shape, doc];

const params = (p: Partial<FacetParams> = {}): FacetParams => ({
  facets: [], refine: new Map(), exclude: new Map(), disjunctive: new Set(), facetsort: new Map(), timeZone: 'UTC', ...p,
});

/** Elasticsearch orders of a terms level, by facetsort (ties by key, as ods-v1 §3.5 observes). */
const BY_COUNT_DESC = [{ _count: 'desc' }, { _key: 'asc' }];
const BY_COUNT_ASC = [{ _count: 'asc' }, { _key: 'asc' }];
const BY_KEY_ASC = [{ _key: 'asc' }];
const BY_KEY_DESC = [{ _key: 'desc' }];
const ORDER: Record<FacetSort, object[]> = { '-count': BY_COUNT_DESC, count: BY_COUNT_ASC, alphanum: BY_KEY_ASC, num: BY_KEY_ASC, '-alphanum': BY_KEY_DESC, '-num': BY_KEY_DESC };

/** The context of a record facet: its value is indexed at `v.<name>`. */
const ctxOf = (f: FieldDef, order: object[] = BY_COUNT_DESC, more: object = {}): object => ({ field: f, valuePath: `v.${f.name}`, timeZone: 'UTC', order, ...more });

function refusal(run: () => unknown): { code: string; details: object; message: string } {
  try { run(); } catch (err) { if (err instanceof AppError) return { code: err.code, details: err.details, message: err.message }; throw err; }
  throw new Error('not refused');
}

describe('recordValuePath', () => {
  test('a record field is indexed under v.<name>', () => {
    expect(recordValuePath(kind)).toBe('v.kind');
  });
});

describe('planFacets: requested facets', () => {
  test('nothing asked, nothing planned', () => {
    expect(planFacets(schema, params())).toEqual({ filters: [], facets: [] });
  });

  test('a text facet: a value facet sorted by count, with no filter', () => {
    expect(planFacets(schema, params({ facets: ['kind'] }))).toEqual({
      filters: [],
      facets: [{ name: 'kind', kind: valueFacet, ctx: ctxOf(kind), refined: [], excluded: [], disjunctive: false, sort: '-count' }],
    });
  });

  test('each field type gets its kind: dates by year/month/day, a hierarchical text by its levels, numbers by value', () => {
    const { facets } = planFacets(schema, params({ facets: ['d', 't', 'place', 'n', 'x'] }));
    expect(facets).toEqual([
      { name: 'd', kind: dateFacet, ctx: ctxOf(d), refined: [], excluded: [], disjunctive: false, sort: '-count' },
      { name: 't', kind: dateFacet, ctx: ctxOf(t), refined: [], excluded: [], disjunctive: false, sort: '-count' },
      { name: 'place', kind: hierarchicalFacet, ctx: ctxOf(place), refined: [], excluded: [], disjunctive: false, sort: '-count' },
      { name: 'n', kind: valueFacet, ctx: ctxOf(n), refined: [], excluded: [], disjunctive: false, sort: '-count' },
      { name: 'x', kind: valueFacet, ctx: ctxOf(x), refined: [], excluded: [], disjunctive: false, sort: '-count' },
    ]);
  });

  test('groups come in request order, a repeated facet once', () => {
    expect(planFacets(schema, params({ facets: ['n', 'kind', 'n'] })).facets.map((f) => f.name)).toEqual(['n', 'kind']);
  });

  test('disjunctive.<f> marks the group; the request zone goes into the context', () => {
    expect(planFacets(schema, params({ facets: ['kind', 't'], disjunctive: new Set(['kind']), timeZone: 'Europe/Paris' })).facets).toEqual([
      { name: 'kind', kind: valueFacet, ctx: ctxOf(kind, BY_COUNT_DESC, { timeZone: 'Europe/Paris' }), refined: [], excluded: [], disjunctive: true, sort: '-count' },
      { name: 't', kind: dateFacet, ctx: ctxOf(t, BY_COUNT_DESC, { timeZone: 'Europe/Paris' }), refined: [], excluded: [], disjunctive: false, sort: '-count' },
    ]);
  });

  test('a field that is no facet gives an empty group (ods-v1 §2.4), never disjunctive', () => {
    const p = params({ facets: ['note', 'geo', 'shape', 'doc'], disjunctive: new Set(['note', 'geo']), facetsort: new Map([['note', 'alphanum']]) });
    expect(planFacets(schema, p)).toEqual({
      filters: [],
      facets: [
        { name: 'note', refined: [], excluded: [], disjunctive: false, sort: 'alphanum' },
        // Annotated `facet`, but geo fields are never facets (ods-v1 §3.1).
        { name: 'geo', refined: [], excluded: [], disjunctive: false, sort: '-count' },
        { name: 'shape', refined: [], excluded: [], disjunctive: false, sort: '-count' },
        { name: 'doc', refined: [], excluded: [], disjunctive: false, sort: '-count' },
      ],
    });
  });

  test('another value path (the catalog indexes values at the top level) goes into the context', () => {
    expect(planFacets(schema, params({ facets: ['kind'] }), (f) => `meta_${f.name}`).facets).toEqual([
      { name: 'kind', kind: valueFacet, ctx: { field: kind, valuePath: 'meta_kind', timeZone: 'UTC', order: BY_COUNT_DESC }, refined: [], excluded: [], disjunctive: false, sort: '-count' },
    ]);
  });
});

describe('planFacets: facetsort', () => {
  test.each<[FacetSort, object[]]>([
    ['-count', BY_COUNT_DESC],
    ['count', BY_COUNT_ASC],
    ['alphanum', BY_KEY_ASC],
    ['num', BY_KEY_ASC],
    ['-alphanum', BY_KEY_DESC],
    ['-num', BY_KEY_DESC],
  ])('facetsort.kind=%s orders the buckets %j', (sort, order) => {
    expect(planFacets(schema, params({ facets: ['kind'], facetsort: new Map([['kind', sort]]) })).facets).toEqual([
      { name: 'kind', kind: valueFacet, ctx: ctxOf(kind, order), refined: [], excluded: [], disjunctive: false, sort },
    ]);
  });

  test('the facetsort annotation is the default (ods-v1 §3.5); the request wins over it', () => {
    expect(planFacets(schema, params({ facets: ['city'] })).facets).toEqual([
      { name: 'city', kind: valueFacet, ctx: ctxOf(city, BY_KEY_ASC), refined: [], excluded: [], disjunctive: false, sort: 'alphanum' },
    ]);
    expect(planFacets(schema, params({ facets: ['city'], facetsort: new Map([['city', 'count']]) })).facets).toEqual([
      { name: 'city', kind: valueFacet, ctx: ctxOf(city, BY_COUNT_ASC), refined: [], excluded: [], disjunctive: false, sort: 'count' },
    ]);
  });

  test('an annotation that is no facetsort, or has no argument, leaves the default -count', () => {
    expect(planFacets(schema, params({ facets: ['odd', 'bare'] })).facets).toEqual([
      { name: 'odd', kind: valueFacet, ctx: ctxOf(odd), refined: [], excluded: [], disjunctive: false, sort: '-count' },
      { name: 'bare', kind: valueFacet, ctx: ctxOf(bare), refined: [], excluded: [], disjunctive: false, sort: '-count' },
    ]);
  });

  test('a facetsort of another field changes nothing', () => {
    expect(planFacets(schema, params({ facets: ['kind'], facetsort: new Map([['n', 'num']]) })).facets[0].sort).toBe('-count');
  });
});

describe('planFacets: facetlimit', () => {
  // README: Elasticsearch is asked for only `facetlimit` buckets where its order is the facet's
  // (text by count or by characters); numbers by count or as text, text as numbers and date levels
  // are cut after sorting. The limit itself is always kept, for that cut.
  test.each<[FieldDef, FacetSort, boolean]>([
    [kind, '-count', true],
    [kind, 'count', true],
    [kind, 'alphanum', true],
    [kind, '-alphanum', true],
    [kind, 'num', false],
    [kind, '-num', false],
    [place, '-count', true],
    [n, '-count', false],
    [n, 'count', false],
    [n, 'alphanum', false],
    [n, 'num', true],
    [n, '-num', true],
    [x, 'num', true],
    [x, '-count', false],
  ])('%# facetlimit on %p sorted %s: Elasticsearch sends only that many buckets: %s', (f, sort, sized) => {
    const p = params({ facets: [f.name], facetsort: new Map([[f.name, sort]]), facetlimit: new Map([[f.name, 5]]) });
    expect(planFacets(schema, p).facets).toEqual([{
      name: f.name, kind: f === place ? hierarchicalFacet : valueFacet,
      ctx: ctxOf(f, ORDER[sort], sized ? { size: 5 } : {}), refined: [], excluded: [], disjunctive: false, sort, limit: 5,
    }]);
  });

  test.each<[FieldDef, FacetSort]>([[d, '-count'], [d, 'alphanum'], [t, 'count']])('%# date levels are histograms, cut only after sorting: %p sorted %s has no size', (f, sort) => {
    const p = params({ facets: [f.name], facetsort: new Map([[f.name, sort]]), facetlimit: new Map([[f.name, 5]]) });
    expect(planFacets(schema, p).facets).toEqual([{ name: f.name, kind: dateFacet, ctx: ctxOf(f, ORDER[sort]), refined: [], excluded: [], disjunctive: false, sort, limit: 5 }]);
    expect(planFacets(schema, p).facets[0].ctx).not.toHaveProperty('size');
  });

  test('a whole group with its limit; a limit on another field leaves a group without one', () => {
    const p = params({ facets: ['kind', 'city'], facetlimit: new Map([['kind', 3]]) });
    expect(planFacets(schema, p).facets).toEqual([
      { name: 'kind', kind: valueFacet, ctx: ctxOf(kind, BY_COUNT_DESC, { size: 3 }), refined: [], excluded: [], disjunctive: false, sort: '-count', limit: 3 },
      { name: 'city', kind: valueFacet, ctx: ctxOf(city, BY_KEY_ASC), refined: [], excluded: [], disjunctive: false, sort: 'alphanum' },
    ]);
    expect(planFacets(schema, p).facets[1].limit).toBeUndefined();
    expect(planFacets(schema, p).facets[1].ctx).not.toHaveProperty('size');
  });
});

describe('planFacets: how many facets', () => {
  const many = Array.from({ length: 51 }, (_, i) => field(`f${i}`, 'text', [FACET]));
  const names = many.map((f) => f.name);

  test('50 distinct facets are planned', () => {
    expect(planFacets(many, params({ facets: names.slice(0, 50) })).facets.map((f) => f.name)).toEqual(names.slice(0, 50));
  });

  test('51 requests of 50 distinct fields are 50 facets', () => {
    expect(planFacets(many, params({ facets: [...names.slice(0, 50), 'f0'] })).facets).toHaveLength(50);
  });

  test('51 distinct facets are a 400 naming facet', () => {
    expect(refusal(() => planFacets(many, params({ facets: names })))).toEqual({ code: 'bad_parameter', details: { parameter: 'facet' }, message: 'At most 50 facets per request.' });
  });
});

describe('planFacets: refine and exclude', () => {
  test('a refine filters and adds the group of a facet not asked for, its path refined', () => {
    expect(planFacets(schema, params({ refine: new Map([['kind', ['Série TV']]]) }))).toEqual({
      filters: [{ field: 'kind', disjunctive: false, refine: { kind: 'term', path: 'v.kind', value: 'Série TV' } }],
      facets: [{ name: 'kind', kind: valueFacet, ctx: ctxOf(kind), refined: [{ path: 'Série TV', depth: 1 }], excluded: [], disjunctive: false, sort: '-count' }],
    });
  });

  test('several refines on one facet are ANDed (ods-v1 §3.4)', () => {
    expect(planFacets(schema, params({ refine: new Map([['kind', ['a', 'b']]]) })).filters).toEqual([
      { field: 'kind', disjunctive: false, refine: { kind: 'and', clauses: [{ kind: 'term', path: 'v.kind', value: 'a' }, { kind: 'term', path: 'v.kind', value: 'b' }] } },
    ]);
  });

  test('with disjunctive.<f> they are ORed, and the filter and the group say so', () => {
    expect(planFacets(schema, params({ refine: new Map([['kind', ['a', 'b']]]), disjunctive: new Set(['kind']) }))).toEqual({
      filters: [{ field: 'kind', disjunctive: true, refine: { kind: 'or', clauses: [{ kind: 'term', path: 'v.kind', value: 'a' }, { kind: 'term', path: 'v.kind', value: 'b' }] } }],
      facets: [{ name: 'kind', kind: valueFacet, ctx: ctxOf(kind), refined: [{ path: 'a', depth: 1 }, { path: 'b', depth: 1 }], excluded: [], disjunctive: true, sort: '-count' }],
    });
  });

  test('one disjunctive refine is that refine alone', () => {
    expect(planFacets(schema, params({ refine: new Map([['kind', ['a']]]), disjunctive: new Set(['kind']) })).filters).toEqual([
      { field: 'kind', disjunctive: true, refine: { kind: 'term', path: 'v.kind', value: 'a' } },
    ]);
  });

  test('excludes drop the records having any of the values (ods-v1 §3.4)', () => {
    expect(planFacets(schema, params({ exclude: new Map([['kind', ['a']]]) }))).toEqual({
      filters: [{ field: 'kind', disjunctive: false, exclude: { kind: 'not', clause: { kind: 'term', path: 'v.kind', value: 'a' } } }],
      facets: [{ name: 'kind', kind: valueFacet, ctx: ctxOf(kind), refined: [], excluded: [{ path: 'a', depth: 1 }], disjunctive: false, sort: '-count' }],
    });
    expect(planFacets(schema, params({ exclude: new Map([['kind', ['a', 'b']]]) })).filters).toEqual([
      { field: 'kind', disjunctive: false, exclude: { kind: 'not', clause: { kind: 'or', clauses: [{ kind: 'term', path: 'v.kind', value: 'a' }, { kind: 'term', path: 'v.kind', value: 'b' }] } } },
    ]);
  });

  test('refines and excludes on one field make one filter with both', () => {
    expect(planFacets(schema, params({ refine: new Map([['n', ['1']]]), exclude: new Map([['n', ['2']]]) }))).toEqual({
      filters: [{ field: 'n', disjunctive: false, refine: { kind: 'term', path: 'v.n', value: 1 }, exclude: { kind: 'not', clause: { kind: 'term', path: 'v.n', value: 2 } } }],
      facets: [{ name: 'n', kind: valueFacet, ctx: ctxOf(n), refined: [{ path: '1', depth: 1 }], excluded: [{ path: '2', depth: 1 }], disjunctive: false, sort: '-count' }],
    });
  });

  test('an empty list of values filters nothing but still makes the group', () => {
    expect(planFacets(schema, params({ refine: new Map([['kind', []]]) }))).toEqual({
      filters: [{ field: 'kind', disjunctive: false }],
      facets: [{ name: 'kind', kind: valueFacet, ctx: ctxOf(kind), refined: [], excluded: [], disjunctive: false, sort: '-count' }],
    });
    expect(planFacets(schema, params({ refine: new Map([['kind', []]]) })).filters[0]).not.toHaveProperty('refine');
  });

  test('filters follow the refined fields, then the fields only excluded', () => {
    const p = params({ refine: new Map([['n', ['1']], ['kind', ['a']]]), exclude: new Map([['x', ['2']], ['kind', ['b']]]) });
    expect(planFacets(schema, p).filters.map((f) => f.field)).toEqual(['n', 'kind', 'x']);
  });

  test('a refined facet that was asked for is filled in at its place; the ones not asked for follow', () => {
    const p = params({ facets: ['n', 'kind'], refine: new Map([['d', ['2019']], ['kind', ['a']]]) });
    expect(planFacets(schema, p).facets).toEqual([
      { name: 'n', kind: valueFacet, ctx: ctxOf(n), refined: [], excluded: [], disjunctive: false, sort: '-count' },
      { name: 'kind', kind: valueFacet, ctx: ctxOf(kind), refined: [{ path: 'a', depth: 1 }], excluded: [], disjunctive: false, sort: '-count' },
      { name: 'd', kind: dateFacet, ctx: ctxOf(d), refined: [{ path: '2019', depth: 1 }], excluded: [], disjunctive: false, sort: '-count' },
    ]);
  });

  test('a refined group not asked for takes its facetsort, facetlimit and disjunctive', () => {
    const p = params({ refine: new Map([['kind', ['a']]]), facetsort: new Map([['kind', 'alphanum']]), facetlimit: new Map([['kind', 7]]), disjunctive: new Set(['kind']) });
    expect(planFacets(schema, p).facets).toEqual([
      { name: 'kind', kind: valueFacet, ctx: ctxOf(kind, BY_KEY_ASC, { size: 7 }), refined: [{ path: 'a', depth: 1 }], excluded: [], disjunctive: true, sort: 'alphanum', limit: 7 },
    ]);
  });

  test('a field that is no facet can be refined, is never disjunctive and gets no group', () => {
    expect(planFacets(schema, params({ refine: new Map([['note', ['a', 'b']]]), disjunctive: new Set(['note']) }))).toEqual({
      filters: [{ field: 'note', disjunctive: false, refine: { kind: 'and', clauses: [{ kind: 'term', path: 'v.note', value: 'a' }, { kind: 'term', path: 'v.note', value: 'b' }] } }],
      facets: [],
    });
  });

  test('asked for and refined, a field that is no facet keeps its empty group', () => {
    expect(planFacets(schema, params({ facets: ['note'], exclude: new Map([['note', ['a']]]) }))).toEqual({
      filters: [{ field: 'note', disjunctive: false, exclude: { kind: 'not', clause: { kind: 'term', path: 'v.note', value: 'a' } } }],
      facets: [{ name: 'note', refined: [], excluded: [], disjunctive: false, sort: '-count' }],
    });
  });

  test('the custom value path is what refines select', () => {
    expect(planFacets(schema, params({ refine: new Map([['kind', ['a']]]) }), (f) => f.name).filters).toEqual([
      { field: 'kind', disjunctive: false, refine: { kind: 'term', path: 'kind', value: 'a' } },
    ]);
  });
});

describe('planFacets: refine values per kind', () => {
  const refineOn = (name: string, value: string, timeZone = 'UTC'): unknown => planFacets(schema, params({ refine: new Map([[name, [value]]]), timeZone })).filters[0].refine;

  test('numbers: the value read as a number; an int field holds no fraction', () => {
    expect(refineOn('n', ' 42 ')).toEqual({ kind: 'term', path: 'v.n', value: 42 });
    expect(refineOn('x', '2.50')).toEqual({ kind: 'term', path: 'v.x', value: 2.5 });
    expect(refineOn('n', '4.5')).toEqual({ kind: 'none' });
  });

  test('a date facet path is its whole period, in calendar days', () => {
    expect(refineOn('d', '2019/6')).toEqual({ kind: 'range', path: 'v.d', bounds: { gte: '2019-06-01', lt: '2019-07-01' }, format: 'strict_date' });
    expect(refineOn('d', '2019')).toEqual({ kind: 'range', path: 'v.d', bounds: { gte: '2019-01-01', lt: '2020-01-01' }, format: 'strict_date' });
  });

  test('a datetime facet path is its period in the request zone', () => {
    // Paris is UTC+1 in winter: 2019 there runs from 2018-12-31 23:00 to 2019-12-31 23:00 UTC.
    expect(refineOn('t', '2019', 'Europe/Paris')).toEqual({
      kind: 'range', path: 'v.t', bounds: { gte: '2018-12-31T23:00:00.000Z', lt: '2019-12-31T23:00:00.000Z' }, format: 'strict_date_optional_time',
    });
    expect(refineOn('t', '2019')).toEqual({
      kind: 'range', path: 'v.t', bounds: { gte: '2019-01-01T00:00:00.000Z', lt: '2020-01-01T00:00:00.000Z' }, format: 'strict_date_optional_time',
    });
  });

  test('a hierarchical path is a term on its level (the whole subtree, ods-v1 §3.4)', () => {
    expect(refineOn('place', 'France/Bretagne')).toEqual({ kind: 'term', path: 'h.place.l2', value: 'France/Bretagne' });
    expect(refineOn('place', 'France')).toEqual({ kind: 'term', path: 'h.place.l1', value: 'France' });
  });
});

describe('planFacets: refusals', () => {
  test('an unknown facet names facet', () => {
    expect(refusal(() => planFacets(schema, params({ facets: ['kind', 'nope'] })))).toEqual({ code: 'bad_parameter', details: { parameter: 'facet' }, message: 'Unknown field "nope" in facet.' });
  });

  test('an unknown refined field names its refine, an unknown excluded one its exclude', () => {
    expect(refusal(() => planFacets(schema, params({ refine: new Map([['nope', ['a']]]) })))).toEqual({
      code: 'bad_parameter', details: { parameter: 'refine.nope' }, message: 'Unknown field "nope" in refine.nope.',
    });
    expect(refusal(() => planFacets(schema, params({ exclude: new Map([['nope', ['a']]]) })))).toEqual({
      code: 'bad_parameter', details: { parameter: 'exclude.nope' }, message: 'Unknown field "nope" in exclude.nope.',
    });
    expect(refusal(() => planFacets(schema, params({ refine: new Map([['nope', ['a']]]), exclude: new Map([['nope', ['b']]]) }))).details).toEqual({ parameter: 'refine.nope' });
  });

  test('a long unknown name is cut: 100 characters in the message, the parameter at 120', () => {
    const name = 'a'.repeat(150);
    // `refine.` is 7 characters: the parameter keeps 113 of the name.
    expect(refusal(() => planFacets(schema, params({ refine: new Map([[name, ['v']]]) })))).toEqual({
      code: 'bad_parameter', details: { parameter: `refine.${'a'.repeat(113)}` }, message: `Unknown field "${'a'.repeat(100)}" in refine.${'a'.repeat(113)}.`,
    });
    expect(refusal(() => planFacets(schema, params({ facets: [name] }))).message).toBe(`Unknown field "${'a'.repeat(100)}" in facet.`);
  });

  test('a geo field cannot be refined: use a geofilter', () => {
    expect(refusal(() => planFacets(schema, params({ refine: new Map([['geo', ['48.8,2.3']]]) })))).toEqual({
      code: 'bad_parameter', details: { parameter: 'refine.geo' }, message: 'Field geo (geo_point_2d) cannot be refined; use a geofilter.',
    });
    expect(refusal(() => planFacets(schema, params({ refine: new Map([['shape', ['x']]]) }))).message).toBe('Field shape (geo_shape) cannot be refined; use a geofilter.');
    // Only excluded: the parameter the client sent is exclude.geo.
    expect(refusal(() => planFacets(schema, params({ exclude: new Map([['geo', ['48.8,2.3']]]) })))).toEqual({
      code: 'bad_parameter', details: { parameter: 'exclude.geo' }, message: 'Field geo (geo_point_2d) cannot be refined; use a geofilter.',
    });
    // A file field has no facet kind either.
    expect(refusal(() => planFacets(schema, params({ refine: new Map([['doc', ['x']]]) }))).details).toEqual({ parameter: 'refine.doc' });
  });

  test('a value that is no path of the facet names the parameter, the value and the field', () => {
    expect(refusal(() => planFacets(schema, params({ refine: new Map([['n', ['1', 'abc']]]) })))).toEqual({
      code: 'bad_parameter', details: { parameter: 'refine.n' }, message: 'Invalid refine.n: "abc" is not a value of field n.',
    });
    expect(refusal(() => planFacets(schema, params({ exclude: new Map([['d', ['2019/13']]]) })))).toEqual({
      code: 'bad_parameter', details: { parameter: 'exclude.d' }, message: 'Invalid exclude.d: "2019/13" is not a value of field d.',
    });
    expect(refusal(() => planFacets(schema, params({ refine: new Map([['place', [' / ']]]) }))).message).toBe('Invalid refine.place: " / " is not a value of field place.');
  });

  test('a long invalid value is cut to 100 characters', () => {
    const value = `${'9'.repeat(99)}x${'y'.repeat(50)}`;
    expect(refusal(() => planFacets(schema, params({ refine: new Map([['n', [value]]]) }))).message).toBe(`Invalid refine.n: "${'9'.repeat(99)}x" is not a value of field n.`);
  });
});
