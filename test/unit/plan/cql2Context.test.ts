import type { FilterCrs } from '../../../src/model/featuresRequest';
import type { QueryField, QuerySchema } from '../../../src/model/querySchema';
import { Cql2Context, notHolding } from '../../../src/plan/cql2/cql2Context';
import { planCql2 } from '../../../src/plan/cql2/planCql2';
import { QueryError } from '../../../src/query/queryError';

const CRS84: FilterCrs = { uri: 'CRS84', isWgs84: true, toLonLat: (p) => p };
const number = (name: string): QueryField => ({ name, type: 'int', value: `v.${name}`, exists: `v.${name}` });
/** Queryables f01 … f<count>. */
const numbered = (count: number): QuerySchema => ({
  fields: new Map(Array.from({ length: count }, (_, i) => `f${String(i + 1).padStart(2, '0')}`).map((name) => [name, number(name)])),
  allText: 'all_text',
});
function explain(text: string, schema: QuerySchema): string {
  try { planCql2(text, { schema, timeZone: 'UTC', crs: CRS84 }); } catch (err) { if (err instanceof QueryError) return err.explain(); throw err; }
  throw new Error(`planned: ${text}`);
}
const list = (count: number): string => Array.from({ length: count }, (_, i) => `f${String(i + 1).padStart(2, '0')}`).join(', ');

describe('Cql2Context.resolve: an unknown property lists the queryables', () => {
  test('all of them up to 20', () => {
    expect(explain('zz = 1', numbered(20))).toBe(`unknown property "zz" (queryables: ${list(20)}) at position 0\nzz = 1\n^`);
  });

  test('the first 20 and an ellipsis beyond', () => {
    expect(explain('zz = 1', numbered(21))).toBe(`unknown property "zz" (queryables: ${list(20)}, …) at position 0\nzz = 1\n^`);
  });

  test('the name is shown cut to 100 characters', () => {
    const long = 'p'.repeat(130);
    expect(explain(`"${long}" IS NULL`, numbered(1)).split(' at position')[0]).toBe(`unknown property "${'p'.repeat(100)}" (queryables: f01)`);
  });
});

describe('Cql2Context.valuePath', () => {
  const schema: QuerySchema = { fields: new Map([['notes', { name: 'notes', type: 'text', words: 't.notes', exists: 't.notes' }]]), allText: 'all_text' };

  test('a property without a whole value cannot be compared (at the comparison)', () => {
    expect(explain("notes = 'a'", schema)).toBe("property \"notes\" has no whole value to compare at position 0\nnotes = 'a'\n^");
    expect(explain("notes IN ('a')", schema)).toBe("property \"notes\" has no whole value to compare at position 0\nnotes IN ('a')\n^");
  });

  test('… but it may be tested for a value', () => {
    expect(planCql2('notes IS NULL', { schema, timeZone: 'UTC', crs: CRS84 })).toEqual({ kind: 'missing', path: 't.notes' });
  });

  test('the context fails with the filter text and the span start', () => {
    const ctx = new Cql2Context({ schema, timeZone: 'UTC', crs: CRS84 }, 'abc def');
    let caught: unknown;
    try { ctx.fail('no', { start: 4, end: 7 }); } catch (err) { caught = err; }
    expect(caught).toBeInstanceOf(QueryError);
    expect((caught as QueryError).explain()).toBe('no at position 4\nabc def\n    ^');
  });
});

describe('notHolding: false where the property has no value', () => {
  test('a value, and not the predicate', () => {
    expect(notHolding(number('n'), { kind: 'term', path: 'v.n', value: 1 })).toEqual({
      kind: 'and', clauses: [{ kind: 'not', clause: { kind: 'missing', path: 'v.n' } }, { kind: 'not', clause: { kind: 'term', path: 'v.n', value: 1 } }],
    });
  });
});
