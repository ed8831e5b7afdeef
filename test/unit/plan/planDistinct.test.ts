import { AppError } from '../../../src/errors/catalogue';
import type { FieldDef } from '../../../src/model/descriptor';
import type { Predicate } from '../../../src/model/predicate';
import type { SearchPlan } from '../../../src/model/searchPlan';
import { planDistinct } from '../../../src/plan/planDistinct';

const field = (name: string, type: FieldDef['type'], annotations: FieldDef['annotations'] = []): FieldDef => ({ name, label: name, type, annotations, source: { column: name } });
const name = field('name', 'text');
const n = field('n', 'int');
const geo = field('geo', 'geo_point_2d');
const shape = field('shape', 'geo_shape');
const tags = field('tags', 'text', [{ name: 'multivalued', args: [';'] }]);

/** A search plan as planDatastore leaves it: source order (`line`), then the record id tiebreaker. */
function searchPlan(over: Partial<SearchPlan> = {}): SearchPlan {
  return {
    index: 'records-x', datasetId: 'x', schema: [name, n, geo, shape], query: { kind: 'all' }, filters: [], facets: [],
    sort: [{ path: 'line', order: 'asc' }, { path: 'recordid', order: 'asc' }], rows: 10, start: 0, timeZone: 'UTC', ...over,
  };
}

function refusal(run: () => unknown): { code: string; parameter: string | undefined; message: string } {
  try { run(); } catch (err) {
    if (err instanceof AppError) return { code: err.code, parameter: err.details.parameter, message: err.message };
    throw err;
  }
  throw new Error('not refused');
}

describe('planDistinct: the compared keys', () => {
  test('without fields, every field of the schema, geographic ones compared as such; in source order', () => {
    expect(planDistinct(searchPlan(), false)).toEqual({
      index: 'records-x', query: { kind: 'all' },
      keys: [{ path: 'v.name', geo: false }, { path: 'v.n', geo: false }, { path: 'v.geo', geo: true }, { path: 'v.shape', geo: true }],
      // The record id tiebreaker is dropped: each distinct row stands for its first record (smallest line).
      order: [{ path: 'line', order: 'asc' }],
    });
  });

  test('with fields, only those, in the order given', () => {
    expect(planDistinct(searchPlan({ fields: [n, name] }), true).keys).toEqual([{ path: 'v.n', geo: false }, { path: 'v.name', geo: false }]);
  });

  test('other annotations do not stop a field from being compared', () => {
    const facet = field('kind', 'text', [{ name: 'facet' }, { name: 'sortable' }]);
    expect(planDistinct(searchPlan({ schema: [facet, n] }), false).keys).toEqual([{ path: 'v.kind', geo: false }, { path: 'v.n', geo: false }]);
  });

  test('a multivalued field of the schema does not matter when fields leaves it out', () => {
    expect(planDistinct(searchPlan({ schema: [name, tags], fields: [name] }), true).keys).toEqual([{ path: 'v.name', geo: false }]);
  });
});

describe('planDistinct: refusals', () => {
  test('a multivalued field cannot be compared: named, under distinct when every field is compared', () => {
    expect(refusal(() => planDistinct(searchPlan({ schema: [name, tags] }), false))).toEqual({
      code: 'bad_parameter', parameter: 'distinct',
      message: 'invalid value "tags": distinct cannot compare a multivalued field; list the fields to compare in fields',
    });
  });

  test('… and under fields when the caller listed it', () => {
    expect(refusal(() => planDistinct(searchPlan({ schema: [name, tags], fields: [tags] }), true))).toMatchObject({ code: 'bad_parameter', parameter: 'fields' });
  });

  test('a sort on a field that is not returned is refused, naming the field', () => {
    const sort = [{ path: 'v.n', order: 'desc' as const }, { path: 'line', order: 'asc' as const }, { path: 'recordid', order: 'asc' as const }];
    expect(refusal(() => planDistinct(searchPlan({ fields: [name], sort }), true))).toEqual({
      code: 'bad_parameter', parameter: 'sort', message: 'invalid value "n": with distinct, sort by returned fields (or _id) only',
    });
  });
});

describe('planDistinct: order and query', () => {
  test('sort keys on returned fields come first, then the first record of each row', () => {
    const sort = [{ path: 'v.n', order: 'desc' as const }, { path: 'line', order: 'asc' as const }, { path: 'recordid', order: 'asc' as const }];
    expect(planDistinct(searchPlan({ fields: [n, name], sort }), true).order).toEqual([{ path: 'v.n', order: 'desc' }, { path: 'line', order: 'asc' }]);
  });

  test('_id (line) may be sorted on even when descending', () => {
    const sort = [{ path: 'line', order: 'desc' as const }, { path: 'line', order: 'asc' as const }, { path: 'recordid', order: 'asc' as const }];
    expect(planDistinct(searchPlan({ fields: [name], sort }), true).order).toEqual([{ path: 'line', order: 'desc' }, { path: 'line', order: 'asc' }]);
  });

  test('the query and every refine and exclude make one predicate (distinct counts the filtered records)', () => {
    const q: Predicate = { kind: 'words', paths: ['all_text'], text: 'paris', match: 'prefix' };
    const refine: Predicate = { kind: 'term', path: 'v.name', value: 'a' };
    const exclude: Predicate = { kind: 'not', clause: { kind: 'term', path: 'v.n', value: 2 } };
    const filters = [{ field: 'name', disjunctive: false, refine }, { field: 'n', disjunctive: false, exclude }];
    // The query, and the filters together (the post_filter of a search) as a second clause.
    expect(planDistinct(searchPlan({ query: q, filters }), false).query).toEqual({ kind: 'and', clauses: [q, { kind: 'and', clauses: [refine, exclude] }] });
    expect(planDistinct(searchPlan({ filters: [filters[0]] }), false).query).toEqual(refine);
    expect(planDistinct(searchPlan({ query: q }), false).query).toEqual(q);
  });
});
