import type { FilterCrs } from '../../../src/model/featuresRequest';
import type { Predicate } from '../../../src/model/predicate';
import type { QuerySchema } from '../../../src/model/querySchema';
import { likeParts } from '../../../src/plan/cql2/cql2Like';
import { planCql2 } from '../../../src/plan/cql2/planCql2';
import { QueryError } from '../../../src/query/queryError';

const CRS84: FilterCrs = { uri: 'CRS84', isWgs84: true, toLonLat: (p) => p };
/** Queryables by hand: a text with a whole value, a long text with words only, a date. */
const schema: QuerySchema = {
  fields: new Map([
    ['name', { name: 'name', type: 'text', value: 'v.name', words: 't.name', exists: 't.name' }],
    ['notes', { name: 'notes', type: 'text', words: 't.notes', exists: 't.notes' }],
    ['d', { name: 'd', type: 'date', value: 'v.d', exists: 'v.d' }],
  ]),
  allText: 'all_text',
};
const plan = (text: string): Predicate => planCql2(text, { schema, timeZone: 'UTC', crs: CRS84 });
function explain(text: string): string {
  try { plan(text); } catch (err) { if (err instanceof QueryError) return err.explain(); throw err; }
  throw new Error(`planned: ${text}`);
}

describe('likeParts: % any characters, _ one, \\ the next one literal', () => {
  test('plain text is one part; an empty pattern none', () => {
    expect(likeParts('')).toEqual([]);
    expect(likeParts('ab c')).toEqual([{ kind: 'text', text: 'ab c' }]);
  });

  test('wildcards between text runs; a run of % is one', () => {
    expect(likeParts('a%b%')).toEqual([{ kind: 'text', text: 'a' }, { kind: 'anyChars' }, { kind: 'text', text: 'b' }, { kind: 'anyChars' }]);
    expect(likeParts('%%_%')).toEqual([{ kind: 'anyChars' }, { kind: 'oneChar' }, { kind: 'anyChars' }]);
    expect(likeParts('__')).toEqual([{ kind: 'oneChar' }, { kind: 'oneChar' }]);
  });

  test('an escaped wildcard or backslash is text, joined to its neighbours; a trailing backslash is itself', () => {
    expect(likeParts('5\\%\\_x')).toEqual([{ kind: 'text', text: '5%_x' }]);
    expect(likeParts('a\\\\b')).toEqual([{ kind: 'text', text: 'a\\b' }]);
    expect(likeParts('a\\')).toEqual([{ kind: 'text', text: 'a\\' }]);
    expect(likeParts('\\%%')).toEqual([{ kind: 'text', text: '%' }, { kind: 'anyChars' }]);
  });
});

describe('planLike: LIKE on the whole value, case-sensitive', () => {
  test('an empty pattern matches the empty value', () => {
    expect(plan("name LIKE ''")).toEqual({ kind: 'term', path: 'v.name', value: '' });
  });

  test('only a trailing % after text is a prefix; any other wildcard a pattern', () => {
    expect(plan("name LIKE 'Rue%'")).toEqual({ kind: 'prefix', path: 'v.name', value: 'Rue' });
    expect(plan("name LIKE '%'")).toEqual({ kind: 'like', path: 'v.name', pattern: [{ kind: 'anyChars' }] });
    expect(plan("name LIKE '%Rue'")).toEqual({ kind: 'like', path: 'v.name', pattern: [{ kind: 'anyChars' }, { kind: 'text', text: 'Rue' }] });
    expect(plan("name LIKE 'R_'")).toEqual({ kind: 'like', path: 'v.name', pattern: [{ kind: 'text', text: 'R' }, { kind: 'oneChar' }] });
    expect(plan("name LIKE 'a%b'")).toEqual({ kind: 'like', path: 'v.name', pattern: [{ kind: 'text', text: 'a' }, { kind: 'anyChars' }, { kind: 'text', text: 'b' }] });
    expect(plan("name LIKE 'a%b%'")).toEqual({
      kind: 'like', path: 'v.name', pattern: [{ kind: 'text', text: 'a' }, { kind: 'anyChars' }, { kind: 'text', text: 'b' }, { kind: 'anyChars' }],
    });
  });

  test('refusals, at the pattern', () => {
    expect(explain('name LIKE 1')).toBe("LIKE takes a quoted pattern ('Paris%') at position 10\nname LIKE 1\n          ^");
    expect(explain('name LIKE name')).toBe("LIKE takes a quoted pattern ('Paris%') at position 10\nname LIKE name\n          ^");
    expect(explain("d LIKE '2020%'")).toBe("LIKE applies to strings; property \"d\" is date at position 7\nd LIKE '2020%'\n       ^");
    // A text kept only as words has no whole value to match.
    expect(explain("notes LIKE 'a%'")).toBe("property \"notes\" has no whole value to compare at position 11\nnotes LIKE 'a%'\n           ^");
  });
});
