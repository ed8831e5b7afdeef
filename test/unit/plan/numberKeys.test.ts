import type { Annotation, FieldDef, FieldType } from '../../../src/model/descriptor';
import type { AnalyzePlan } from '../../../src/model/analyze';
import type { SearchPlan } from '../../../src/model/searchPlan';
import { analyzeWithNumberKeys, countsNumbers, groupsNumbers, withNumberKeys } from '../../../src/plan/numberKeys';
import { FacetParams, planFacets } from '../../../src/plan/planFacets';

const FACET: Annotation = { name: 'facet' };
const field = (name: string, type: FieldType, annotations: Annotation[] = [FACET]): FieldDef => ({ name, label: name, type, annotations, source: { column: name } });
const schema = [field('n', 'int'), field('x', 'double'), field('kind', 'text'), field('d', 'date'), field('plain', 'int', [])];
const params = (p: Partial<FacetParams>): FacetParams => ({ facets: [], refine: new Map(), exclude: new Map(), disjunctive: new Set(), facetsort: new Map(), timeZone: 'UTC', ...p });
const planOf = (p: Partial<FacetParams>): SearchPlan => {
  const { filters, facets } = planFacets(schema, params(p));
  return { index: 'records-ds', filters, facets } as unknown as SearchPlan;
};

describe('number facets counted by key', () => {
  test('a plan with a facet on a number annotated facet asks for keys; one on text, a date, or with none, does not', () => {
    expect(countsNumbers(planOf({ facets: ['kind', 'n'] }))).toBe(true);
    // A refined number is a facet group too.
    expect(countsNumbers(planOf({ refine: new Map([['x', ['1.5']]]) }))).toBe(true);
    expect(countsNumbers(planOf({ facets: ['kind', 'd'] }))).toBe(false);
    // A number that is no facet gets an empty group, with nothing to count.
    expect(countsNumbers(planOf({ facets: ['plain'] }))).toBe(false);
  });

  test('the numbers the index keeps keys of are counted at k.<name>; the others, and a refine, stay on the value', () => {
    const plan = planOf({ facets: ['n', 'x', 'kind'], refine: new Map([['n', ['2019']]]) });
    const keyed = withNumberKeys(plan, new Set(['n', 'kind']));
    expect(keyed.facets.map((f) => f.ctx?.keyPath)).toEqual(['k.n', undefined, undefined]);
    expect(keyed.facets.map((f) => f.ctx?.valuePath)).toEqual(['v.n', 'v.x', 'v.kind']);
    expect(keyed.filters).toBe(plan.filters);
    // The plan given is left as it was.
    expect(plan.facets.map((f) => f.ctx?.keyPath)).toEqual([undefined, undefined, undefined]);
  });

  test('an index without keys leaves the plan as it is', () => {
    const plan = planOf({ facets: ['n'] });
    expect(withNumberKeys(plan, new Set())).toBe(plan);
  });
});

describe('analyze grouped by a number\'s key', () => {
  const analyze = (...names: string[]): AnalyzePlan =>
    ({ index: 'records-ds', query: { kind: 'all' }, xs: names.map((n) => ({ kind: 'terms', field: schema.find((f) => f.name === n)! })), series: [], valueFields: [] }) as unknown as AnalyzePlan;

  test('only a number annotated facet may have a key to group by', () => {
    expect(groupsNumbers(analyze('kind', 'n'))).toBe(true);
    expect(groupsNumbers(analyze('kind', 'plain'))).toBe(false);
  });

  test('the numbers the index keeps keys of are grouped by k.<name>, the others by value', () => {
    const plan = analyze('n', 'x', 'kind');
    expect(analyzeWithNumberKeys(plan, new Set(['n', 'kind'])).xs.map((x) => (x.kind === 'terms' ? x.keyPath : 'date'))).toEqual(['k.n', undefined, undefined]);
    expect(analyzeWithNumberKeys(plan, new Set())).toBe(plan);
  });
});
