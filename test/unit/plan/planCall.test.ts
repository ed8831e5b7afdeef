import type { Predicate } from '../../../src/model/predicate';
import type { QueryField, QuerySchema } from '../../../src/model/querySchema';
import { PlanContext } from '../../../src/plan/planContext';
import { planCall } from '../../../src/plan/planCall';
import type { Argument, Call, Span } from '../../../src/query/ast';
import { QueryError } from '../../../src/query/queryError';

// Where each field's data lives: `value` is the whole typed value, `words` its folded words,
// `exists` what #null tests. The geo_shape comes first: it is the first geo field.
const FIELDS: QueryField[] = [
  { name: 'title', type: 'text', value: 'v.title', words: 't.title', exists: 't.title' },
  { name: 'summary', type: 'text', words: 't.summary', exists: 't.summary' },
  { name: 'code', type: 'text', value: 'v.code', exists: 'v.code' },
  { name: 'doc', type: 'file', value: 'v.doc', exists: 'v.doc' },
  { name: 'n', type: 'int', value: 'v.n', exists: 'v.n' },
  { name: 'd', type: 'date', value: 'v.d', exists: 'v.d' },
  { name: 'shape', type: 'geo_shape', value: 'v.shape', exists: 'v.shape' },
  { name: 'geo', type: 'geo_point_2d', value: 'v.geo', exists: 'v.geo' },
  // A geo field with no indexed value cannot be filtered on.
  { name: 'outline', type: 'geo_shape', exists: 'outline' },
];
const schemaOf = (fields: QueryField[]): QuerySchema => ({ fields: new Map(fields.map((f) => [f.name, f])), allText: 'all_text' });
const schema = schemaOf(FIELDS);
const noGeo = schemaOf(FIELDS.filter((f) => !['shape', 'geo', 'outline'].includes(f.name)));

const at = (start: number, length: number): Span => ({ start, end: start + length });
type Arg = (start: number) => Argument;
const word = (text: string): Arg => (start) => ({ kind: 'word', text, span: at(start, text.length) });
const phrase = (text: string): Arg => (start) => ({ kind: 'phrase', text, span: at(start, text.length + 2) });
const star: Arg = (start) => ({ kind: 'star', span: at(start, 1) });

/** `#name(a, b, …)` at 0: the first argument starts after `#name(`, each next one after `, `. */
function fn(name: string, ...args: Arg[]): Call {
  let pos = name.length + 2;
  const built = args.map((a) => {
    const arg = a(pos);
    pos = arg.span.end + 2;
    return arg;
  });
  return { kind: 'call', name, args: built, span: { start: 0, end: Math.max(pos - 1, name.length + 3) } };
}

const context = (s: QuerySchema = schema): PlanContext => new PlanContext({ schema: s, timeZone: 'UTC', now: 0 }, 'the query');
const plan = (call: Call, s: QuerySchema = schema): Predicate | null => planCall(call, context(s));

function failure(run: () => unknown): { message: string; position: number } {
  try { run(); } catch (err) { if (err instanceof QueryError) return { message: err.message, position: err.position }; throw err; }
  throw new Error('planned');
}

describe('#null', () => {
  test('no value: what the field says to test (its words for a text, else its value)', () => {
    expect(plan(fn('null', word('title')))).toEqual({ kind: 'missing', path: 't.title' });
    expect(plan(fn('null', word('n')))).toEqual({ kind: 'missing', path: 'v.n' });
    expect(plan(fn('null', word('outline')))).toEqual({ kind: 'missing', path: 'outline' });
  });

  test('one field name, nothing else', () => {
    const usage = { message: '#null takes one field: #null(field)', position: 0 };
    expect(failure(() => plan(fn('null')))).toEqual(usage);
    expect(failure(() => plan(fn('null', word('title'), word('n'))))).toEqual(usage);
    // `#null(` is 6 characters: the argument starts at 6.
    expect(failure(() => plan(fn('null', phrase('title'))))).toEqual({ message: 'expected a field name', position: 6 });
    expect(failure(() => plan(fn('null', star)))).toEqual({ message: 'expected a field name', position: 6 });
    expect(failure(() => plan(fn('null', word('zz')))).position).toBe(6);
  });
});

describe('#exact', () => {
  test('the whole value, as typed', () => {
    expect(plan(fn('exact', word('title'), phrase('Rue de l’Église')))).toEqual({ kind: 'term', path: 'v.title', value: 'Rue de l’Église' });
    expect(plan(fn('exact', word('code'), word('AB-1')))).toEqual({ kind: 'term', path: 'v.code', value: 'AB-1' });
  });

  test('a number or a date is compared as one', () => {
    expect(plan(fn('exact', word('n'), phrase('5')))).toEqual({ kind: 'term', path: 'v.n', value: 5 });
    expect(plan(fn('exact', word('d'), phrase('2019')))).toEqual({ kind: 'range', path: 'v.d', bounds: { gte: '2019-01-01', lt: '2020-01-01' }, format: 'strict_date' });
  });

  test('refusals: arity, the field argument, the value argument', () => {
    const usage = { message: '#exact takes (field, "value")', position: 0 };
    expect(failure(() => plan(fn('exact', word('title'))))).toEqual(usage);
    expect(failure(() => plan(fn('exact', word('title'), word('a'), word('b'))))).toEqual(usage);
    // `#exact(` is 7 characters; `#exact(title, ` is 14.
    expect(failure(() => plan(fn('exact', phrase('title'), word('a'))))).toEqual({ message: 'expected a field name', position: 7 });
    expect(failure(() => plan(fn('exact', word('title'), star)))).toEqual({ message: 'expected the value to match', position: 14 });
  });

  test('refusals of the comparison point at the field or the value', () => {
    expect(failure(() => plan(fn('exact', word('geo'), word('1'))))).toEqual({ message: 'field "geo" is geographic: use #distance or #polygon', position: 7 });
    expect(failure(() => plan(fn('exact', word('summary'), word('a'))))).toEqual({ message: 'field "summary" has no whole value to match exactly', position: 7 });
    // `#exact(n, ` is 10 characters.
    expect(failure(() => plan(fn('exact', word('n'), phrase('abc'))))).toEqual({ message: '"abc" is not a number (field "n" is int)', position: 10 });
  });
});

describe('#startswith', () => {
  test('a case-sensitive prefix of the whole value of a text or file field', () => {
    expect(plan(fn('startswith', word('title'), phrase('BARON')))).toEqual({ kind: 'prefix', path: 'v.title', value: 'BARON' });
    expect(plan(fn('startswith', word('doc'), word('Rep')))).toEqual({ kind: 'prefix', path: 'v.doc', value: 'Rep' });
  });

  test('refusals', () => {
    const usage = { message: '#startswith takes (field, "prefix")', position: 0 };
    expect(failure(() => plan(fn('startswith', word('title'))))).toEqual(usage);
    expect(failure(() => plan(fn('startswith', word('title'), word('a'), word('b'))))).toEqual(usage);
    // `#startswith(` is 12 characters; `#startswith(title, ` is 19.
    expect(failure(() => plan(fn('startswith', word('n'), word('1'))))).toEqual({ message: '#startswith needs a text field; "n" is int', position: 12 });
    expect(failure(() => plan(fn('startswith', word('geo'), word('1'))))).toEqual({ message: '#startswith needs a text field; "geo" is geo_point_2d', position: 12 });
    expect(failure(() => plan(fn('startswith', word('summary'), word('a'))))).toEqual({ message: 'field "summary" has no whole value', position: 12 });
    expect(failure(() => plan(fn('startswith', word('title'), star)))).toEqual({ message: 'expected the prefix', position: 19 });
    expect(failure(() => plan(fn('startswith', star, word('a'))))).toEqual({ message: 'expected a field name', position: 12 });
  });

  test('256 prefixes in one query are planned, the 257th is refused at its text', () => {
    const ctx = context();
    for (let i = 0; i < 256; i++) planCall(fn('startswith', word('title'), phrase('a')), ctx);
    expect(failure(() => planCall(fn('startswith', word('title'), phrase('a')), ctx))).toEqual({ message: 'query has more than 256 prefix searches', position: 19 });
  });
});

describe('#search', () => {
  test('the words of the listed fields, the last one a prefix', () => {
    expect(plan(fn('search', word('title'), word('summary'), phrase('Jean-C')))).toEqual({ kind: 'words', paths: ['t.title', 't.summary'], text: 'jean-c', match: 'lastPrefix' });
  });

  test('* is every text; a path listed twice is searched once', () => {
    expect(plan(fn('search', star, phrase('Baron N')))).toEqual({ kind: 'words', paths: ['all_text'], text: 'baron n', match: 'lastPrefix' });
    expect(plan(fn('search', star, star, word('x')))).toEqual({ kind: 'words', paths: ['all_text'], text: 'x', match: 'lastPrefix' });
    expect(plan(fn('search', word('title'), word('title'), word('x')))).toEqual({ kind: 'words', paths: ['t.title'], text: 'x', match: 'lastPrefix' });
    expect(plan(fn('search', word('title'), star, word('x')))).toEqual({ kind: 'words', paths: ['t.title', 'all_text'], text: 'x', match: 'lastPrefix' });
  });

  test('a text with nothing to search drops out', () => {
    expect(plan(fn('search', star, phrase('-')))).toBeNull();
  });

  test('refusals', () => {
    const usage = { message: '#search takes (field, …, "text") or (*, "text")', position: 0 };
    expect(failure(() => plan(fn('search')))).toEqual(usage);
    expect(failure(() => plan(fn('search', phrase('x'))))).toEqual(usage);
    // `#search(` is 8 characters; `#search(title, ` is 15.
    expect(failure(() => plan(fn('search', word('title'), star)))).toEqual({ message: 'expected the text to search, last', position: 15 });
    expect(failure(() => plan(fn('search', word('n'), word('x'))))).toEqual({ message: 'field "n" has no words to search', position: 8 });
    expect(failure(() => plan(fn('search', word('code'), word('x'))))).toEqual({ message: 'field "code" has no words to search', position: 8 });
    expect(failure(() => plan(fn('search', phrase('title'), word('x'))))).toEqual({ message: 'expected a field name', position: 8 });
  });

  test('each #search is a prefix search: the 257th of a query is refused', () => {
    const ctx = context();
    for (let i = 0; i < 256; i++) planCall(fn('search', star, word('a')), ctx);
    // `#search(*, ` is 11 characters.
    expect(failure(() => planCall(fn('search', star, word('a')), ctx))).toEqual({ message: 'query has more than 256 prefix searches; quote words to search them whole', position: 11 });
  });
});

describe('#distance', () => {
  test('within metres of a point of a geo field (lat,lon as ODS writes it)', () => {
    expect(plan(fn('distance', word('geo'), phrase('48.86, 2.38'), word('1000')))).toEqual({ kind: 'distance', path: 'v.geo', lat: 48.86, lon: 2.38, metres: 1000 });
  });

  test('the older form without a field uses the first geo field', () => {
    expect(plan(fn('distance', phrase('48.86,2.38'), word('250.5')))).toEqual({ kind: 'distance', path: 'v.shape', lat: 48.86, lon: 2.38, metres: 250.5 });
  });

  test('a distance beyond half the Earth\'s circumference (20,037,509 m) is that', () => {
    expect(plan(fn('distance', word('geo'), phrase('0,0'), word('20037509')))).toEqual({ kind: 'distance', path: 'v.geo', lat: 0, lon: 0, metres: 20037509 });
    expect(plan(fn('distance', word('geo'), phrase('0,0'), word('20037510')))).toEqual({ kind: 'distance', path: 'v.geo', lat: 0, lon: 0, metres: 20037509 });
    expect(plan(fn('distance', word('geo'), phrase('0,0'), word('1e9')))).toEqual({ kind: 'distance', path: 'v.geo', lat: 0, lon: 0, metres: 20037509 });
  });

  test('arity and the field', () => {
    const usage = { message: '#distance takes (field, "lat,lon", metres) or ("lat,lon", metres)', position: 0 };
    expect(failure(() => plan(fn('distance', phrase('1,2'))))).toEqual(usage);
    expect(failure(() => plan(fn('distance', word('geo'), phrase('1,2'), word('3'), word('4'))))).toEqual(usage);
    // `#distance(` is 10 characters.
    expect(failure(() => plan(fn('distance', word('n'), phrase('1,2'), word('3'))))).toEqual({ message: 'field "n" is not geographic', position: 10 });
    expect(failure(() => plan(fn('distance', word('outline'), phrase('1,2'), word('3'))))).toEqual({ message: 'field "outline" is not geographic', position: 10 });
    expect(failure(() => plan(fn('distance', phrase('1,2'), word('3')), noGeo))).toEqual({ message: 'this dataset has no geographic field', position: 0 });
  });

  test('the centre is "latitude,longitude" in range', () => {
    // `#distance(geo, ` is 15 characters.
    expect(failure(() => plan(fn('distance', word('geo'), phrase('48.86'), word('3'))))).toEqual({ message: 'expected "latitude,longitude", got "48.86"', position: 15 });
    expect(failure(() => plan(fn('distance', word('geo'), phrase('91,2'), word('3'))))).toEqual({ message: 'latitude 91 is outside [-90, 90]', position: 15 });
    expect(failure(() => plan(fn('distance', word('geo'), star, word('3'))))).toEqual({ message: 'expected "latitude,longitude"', position: 15 });
  });

  test.each(['0', '-5', 'far'])('distance %j is refused: a number of metres greater than 0 is required', (metres) => {
    // `#distance("1,2", ` is 17 characters.
    expect(failure(() => plan(fn('distance', phrase('1,2'), word(metres))))).toEqual({ message: 'the distance must be a number of metres greater than 0', position: 17 });
  });

  test('the distance must be a literal', () => {
    expect(failure(() => plan(fn('distance', phrase('1,2'), star)))).toEqual({ message: 'expected a distance in metres', position: 17 });
  });
});

describe('#polygon', () => {
  const RING = '(48.88,2.37),(48.87,2.37),(48.88,2.38)';
  // Closed by repeating the first point, still [lat, lon].
  const CLOSED = [[48.88, 2.37], [48.87, 2.37], [48.88, 2.38], [48.88, 2.37]];

  test('within a ring of a geo field, or of the first geo field', () => {
    expect(plan(fn('polygon', word('geo'), phrase(RING)))).toEqual({ kind: 'polygon', path: 'v.geo', ring: CLOSED });
    expect(plan(fn('polygon', phrase(RING)))).toEqual({ kind: 'polygon', path: 'v.shape', ring: CLOSED });
  });

  test('refusals', () => {
    const usage = { message: '#polygon takes (field, "(lat,lon),(lat,lon),...")', position: 0 };
    expect(failure(() => plan(fn('polygon')))).toEqual(usage);
    expect(failure(() => plan(fn('polygon', word('geo'), phrase(RING), word('x'))))).toEqual(usage);
    // `#polygon(` is 9 characters; `#polygon(geo, ` is 14.
    expect(failure(() => plan(fn('polygon', word('d'), phrase(RING))))).toEqual({ message: 'field "d" is not geographic', position: 9 });
    expect(failure(() => plan(fn('polygon', phrase(RING)), noGeo))).toEqual({ message: 'this dataset has no geographic field', position: 0 });
    expect(failure(() => plan(fn('polygon', word('geo'), phrase('(1,1),(2,2)'))))).toEqual({ message: 'a polygon needs at least three distinct points', position: 14 });
    expect(failure(() => plan(fn('polygon', word('geo'), star)))).toEqual({ message: 'expected a polygon "(lat,lon),(lat,lon),..."', position: 14 });
  });
});

describe('other names', () => {
  test('#now is a value, not a clause', () => {
    expect(failure(() => plan(fn('now')))).toEqual({ message: '#now is a value: compare a field with it, e.g. date >= #now(days=-7)', position: 0 });
  });

  test('an unknown function is named', () => {
    expect(failure(() => plan(fn('geometry', word('geo'), phrase('polygon'))))).toEqual({ message: 'unknown function #geometry', position: 0 });
  });
});
