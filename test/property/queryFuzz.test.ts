import { compilePredicate } from '../../src/compile/compilePredicate';
import type { PlanOptions } from '../../src/plan/planContext';
import { planQuery } from '../../src/plan/planQuery';
import { parseQuery } from '../../src/query/parse';
import { printQuery } from '../../src/query/print';
import { QueryError } from '../../src/query/queryError';
import { QUERY_CASES } from '../golden/queryCases';
import { fixtureQuerySchema } from '../support/querySchemas';

/** mulberry32: a small seeded generator, so a failure can be replayed. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIELDS = ['annee_tournage', 'type_tournage', 'date_debut', 'coord_x', 'geo_point_2d', 'geo_shape', 'nom_tournage', 'nope', 'a.b'];
const OPS = [':', '=', '==', '>', '<', '>=', '<=', ' : ', '=>', '=<', '!='];
const VALUES = ['2019', '2019/06', '2019-06-21', '2019-06-21T10:00:00+02:00', '"Série TV"', 'rue', '-1.5e3', '1e999', '*', '""', '"', 'C++', 'AT&T', '3/4', '(36/2005)', '#now()', '#now(days=-7, weekday=MO(2))', '#now(year=0)', '#null(x)', 'é', '\u0000', '\uD800', '😀', '[2016 TO 2018]', '[* TO 2019/02]', '[a TO]'];
const FUNCS = ['#null', '#exact', '#startswith', '#search', '#distance', '#polygon', '#now', '#geometry', '#'];
const ARGS = ['geo_point_2d', '"48.86, 2.38"', '1000', '*', '"(48,2),(49,3),(48,3)"', 'days=-1', 'weekday=SU(-1)', '"x"', 'nom_tournage', '', '(', ')', ','];
const GLUE = [' ', ' AND ', ' OR ', ' NOT ', '(', ')', '"', '  ', '\t', '\n', ')(', ' AND NOT ', 'OR', 'AND'];
const JUNK = '()[]{}"\'#:=<>!*?\\/,.;-+&|~^ \t\néà€𝒳\u0000';

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];

function randomQuery(r: () => number): string {
  let q = '';
  const parts = 1 + Math.floor(r() * 8);
  for (let i = 0; i < parts; i++) {
    const kind = r();
    if (kind < 0.35) q += `${pick(r, FIELDS)}${pick(r, OPS)}${pick(r, VALUES)}`;
    else if (kind < 0.55) q += `${pick(r, FUNCS)}(${Array.from({ length: Math.floor(r() * 4) }, () => pick(r, ARGS)).join(pick(r, [',', ', ', ' ']))})`;
    else if (kind < 0.85) q += pick(r, VALUES);
    else q += Array.from({ length: 1 + Math.floor(r() * 6) }, () => pick(r, [...JUNK])).join('');
    q += pick(r, GLUE);
  }
  return q;
}

function mutate(r: () => number, seed: string): string {
  const chars = [...seed];
  const edits = 1 + Math.floor(r() * 4);
  for (let i = 0; i < edits; i++) {
    const at = Math.floor(r() * (chars.length + 1));
    const op = r();
    if (op < 0.4) chars.splice(at, 0, pick(r, [...JUNK]));
    else if (op < 0.7) chars.splice(at, 1);
    else chars.splice(at, 1, pick(r, [...JUNK]));
  }
  return chars.join('');
}

/** Inputs built to hit the limits: deep nesting, long chains, huge literals. */
const EXTREMES = [
  '('.repeat(5000) + 'a' + ')'.repeat(5000),
  'NOT '.repeat(3000) + 'a',
  Array.from({ length: 2000 }, (_, i) => `w${i}`).join(' OR '),
  Array.from({ length: 1000 }, (_, i) => `"w${i}"`).join(' AND '),
  'a'.repeat(10000),
  'a'.repeat(10001),
  `#polygon(geo_point_2d, "${Array.from({ length: 999 }, (_, i) => `(${(Math.sin(i / 159) * 10).toFixed(5)},${(Math.cos(i / 159) * 10).toFixed(5)})`).join(',')}")`,
  `date_debut > #now(${Array.from({ length: 500 }, () => 'days=1').join(',')})`,
  '"'.repeat(9999),
  '#now('.repeat(2000),
];

/** The AST without spans. */
function shape(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(shape);
  if (node && typeof node === 'object') {
    return Object.fromEntries(Object.entries(node).filter(([k]) => k !== 'span' && k !== 'fieldSpan').map(([k, v]) => [k, shape(v)]));
  }
  return node;
}

const FORBIDDEN = new Set(['query_string', 'simple_query_string', 'regexp', 'wildcard', 'fuzzy', 'script', 'script_score', 'terms_set']);
const CLAUSES = new Set(['bool', 'filter', 'should', 'must_not', 'minimum_should_match', 'match_all', 'match_none', 'prefix', 'match_phrase', 'match_phrase_prefix', 'match_bool_prefix', 'term', 'range', 'exists', 'geo_distance', 'geo_shape']);
const OPTIONS = new Set(['value', 'query', 'max_expansions', 'operator', 'gte', 'gt', 'lte', 'lt', 'format', 'field', 'distance', 'lat', 'lon', 'shape', 'type', 'coordinates', 'relation']);

/** Why a compiled clause would be unsafe: a forbidden clause kind, or a key that is neither a known clause, an option, nor a path of a declared field. */
function unsafe(body: unknown, paths = ALLOWED_PATHS): string | undefined {
  if (Array.isArray(body)) return body.map((b) => unsafe(b, paths)).find(Boolean);
  if (!body || typeof body !== 'object') return undefined;
  for (const [k, v] of Object.entries(body)) {
    if (FORBIDDEN.has(k)) return `forbidden clause ${k}`;
    if (!CLAUSES.has(k) && !OPTIONS.has(k) && !paths.has(k)) return `unexpected key ${k}`;
    if (k === 'field' && typeof v === 'string' && !paths.has(v)) return `exists on undeclared ${v}`;
    const inner = unsafe(v, paths);
    if (inner) return inner;
  }
  return undefined;
}

function corpus(seeds: string[]): string[] {
  const r = rng(20261121);
  const queries = [...EXTREMES];
  for (let i = 0; i < 100_000; i++) queries.push(i % 2 === 0 ? randomQuery(r) : mutate(r, pick(r, seeds)));
  return queries;
}

const LIEUX_SCHEMA = fixtureQuerySchema('lieux-de-tournage-a-paris');
const ALLOWED_PATHS = new Set(['all_text', ...[...LIEUX_SCHEMA.fields.values()].flatMap((f) => [f.value, f.words, f.exists]).filter((p): p is string => !!p)]);

describe('parse → plan → compile never fails except with a QueryError, emits only typed clauses on declared fields, and stays fast', () => {
  const options: PlanOptions = { schema: LIEUX_SCHEMA, timeZone: 'Europe/Paris', now: Date.parse('2026-11-21T10:30:00Z') };
  const seeds = QUERY_CASES.filter((c) => c.target === 'lieux-de-tournage-a-paris').map((c) => c.q);

  test('100,000 random and mutated queries, plus extreme ones', () => {
    const queries = corpus(seeds);
    let planned = 0, refused = 0, slowest = 0, slowestQuery = '';
    const unexpected: string[] = [];
    for (const q of queries) {
      const started = performance.now();
      try {
        const problem = unsafe(compilePredicate(planQuery(q, options)));
        if (problem && unexpected.length < 5) unexpected.push(`${JSON.stringify(q.slice(0, 200))}: ${problem}`);
        planned++;
      } catch (err) {
        if (err instanceof QueryError && err.position >= 0 && err.position <= q.length) refused++;
        else if (unexpected.length < 5) unexpected.push(`${JSON.stringify(q.slice(0, 200))}: ${String(err)}`);
      }
      const took = performance.now() - started;
      if (took > slowest) { slowest = took; slowestQuery = q.slice(0, 80); }
    }
    expect(unexpected).toEqual([]);
    expect(planned + refused).toBe(queries.length);
    expect(planned).toBeGreaterThan(10_000);
    expect(refused).toBeGreaterThan(10_000);
    expect({ slowest: slowest < 50, slowestQuery }).toEqual({ slowest: true, slowestQuery });
  });

  test('every query that parses prints to a text that re-parses to the same tree and prints the same', () => {
    const broken: string[] = [];
    let parsed = 0;
    for (const q of corpus(seeds)) {
      let ast;
      try { ast = parseQuery(q); } catch { continue; }
      parsed++;
      const printed = printQuery(ast);
      let again;
      try { again = parseQuery(printed); } catch (err) { broken.push(`${JSON.stringify(q)} → ${JSON.stringify(printed)}: ${String(err)}`); continue; }
      if (JSON.stringify(shape(again)) !== JSON.stringify(shape(ast)) || printQuery(again) !== printed) broken.push(`${JSON.stringify(q)} → ${JSON.stringify(printed)}`);
      if (broken.length >= 5) break;
    }
    expect(broken).toEqual([]);
    expect(parsed).toBeGreaterThan(20_000);
  });
});
