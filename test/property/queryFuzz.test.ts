import { compilePredicate } from '../../src/compile/compilePredicate';
import type { PlanOptions } from '../../src/plan/planContext';
import { planQuery } from '../../src/plan/planQuery';
import { parseQuery } from '../../src/query/parse';
import { printQuery } from '../../src/query/print';
import { QueryError } from '../../src/query/queryError';
import { compileSearch } from '../../src/compile/compileSearch';
import { AppError } from '../../src/errors/catalogue';
import type { SearchPlan } from '../../src/model/searchPlan';
import { planSolrQueries } from '../../src/plan/planSolrQueries';
import { CKAN_QUERY_SCHEMA } from '../../src/schema/ckanQuerySchema';
import { FUZZ_TARGET, fuzzCkanQueries, fuzzQueries } from '../support/fuzzQueries';
import { fixtureQuerySchema } from '../support/querySchemas';

/** The AST without spans. */
function shape(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(shape);
  if (node && typeof node === 'object') {
    return Object.fromEntries(Object.entries(node).filter(([k]) => k !== 'span' && k !== 'fieldSpan').map(([k, v]) => [k, shape(v)]));
  }
  return node;
}

const FORBIDDEN = new Set(['query_string', 'simple_query_string', 'regexp', 'wildcard', 'fuzzy', 'script', 'script_score', 'terms_set']);
/** The clause kinds client text can reach (README, "The query language"): `match` only scores CKAN's relevance; geo_bounding_box is a geofilter's box. */
const CLAUSES = new Set(['bool', 'filter', 'should', 'must_not', 'minimum_should_match', 'match_all', 'match_none', 'prefix', 'match_phrase', 'match_phrase_prefix', 'match_bool_prefix', 'match', 'term', 'range', 'exists', 'geo_distance', 'geo_shape', 'geo_bounding_box']);
const OPTIONS = new Set(['value', 'query', 'max_expansions', 'operator', 'gte', 'gt', 'lte', 'lt', 'format', 'field', 'distance', 'lat', 'lon', 'shape', 'type', 'coordinates', 'relation', 'boost', 'top_left', 'bottom_right']);

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

const LIEUX_SCHEMA = fixtureQuerySchema(FUZZ_TARGET.dataset);
const ALLOWED_PATHS = new Set(['all_text', ...[...LIEUX_SCHEMA.fields.values()].flatMap((f) => [f.value, f.words, f.exists]).filter((p): p is string => !!p)]);

describe('parse → plan → compile never fails except with a QueryError, emits only typed clauses on declared fields (its speed: bench/query.ts)', () => {
  const options: PlanOptions = { schema: LIEUX_SCHEMA, timeZone: FUZZ_TARGET.timeZone, now: FUZZ_TARGET.now };

  test('100,000 random and mutated queries, plus extreme ones', () => {
    const queries = fuzzQueries();
    let planned = 0, refused = 0;
    const unexpected: string[] = [];
    for (const q of queries) {
      try {
        const problem = unsafe(compilePredicate(planQuery(q, options)));
        if (problem && unexpected.length < 5) unexpected.push(`${JSON.stringify(q.slice(0, 200))}: ${problem}`);
        planned++;
      } catch (err) {
        if (err instanceof QueryError && err.position >= 0 && err.position <= q.length) refused++;
        else if (unexpected.length < 5) unexpected.push(`${JSON.stringify(q.slice(0, 200))}: ${String(err)}`);
      }
    }
    expect(unexpected).toEqual([]);
    expect(planned + refused).toBe(queries.length);
    expect(planned).toBeGreaterThan(10_000);
    expect(refused).toBeGreaterThan(10_000);
  });

  test('every query that parses prints to a text that re-parses to the same tree and prints the same', () => {
    const broken: string[] = [];
    let parsed = 0;
    for (const q of fuzzQueries()) {
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

const CKAN_PATHS = new Set(['all_text', ...[...CKAN_QUERY_SCHEMA.fields.values()].flatMap((f) => [f.value, f.words, f.exists]).filter((p): p is string => !!p)]);

describe("CKAN's q (Solr syntax) → plan → one Elasticsearch query never fails except with a Search Query Error, and emits only typed clauses on declared catalog fields", () => {
  test('20,000 random and mutated CKAN queries, ranked by relevance', () => {
    let planned = 0, refused = 0;
    const unexpected: string[] = [];
    for (const q of fuzzCkanQueries()) {
      try {
        const { predicates, rank } = planSolrQueries(q, [], { timeZone: FUZZ_TARGET.timeZone, now: FUZZ_TARGET.now, ranked: true });
        const plan: SearchPlan = {
          index: 'catalog', datasetId: '', schema: [], query: predicates.length === 1 ? predicates[0] : { kind: 'and', clauses: predicates }, filters: [], facets: [],
          sort: [{ path: '_score', order: 'desc' }], rows: 10, start: 0, timeZone: 'UTC', rank, source: ['datasetid'],
        };
        const problem = unsafe(compileSearch(plan).query, CKAN_PATHS);
        if (problem && unexpected.length < 5) unexpected.push(`${JSON.stringify(q.slice(0, 200))}: ${problem}`);
        planned++;
      } catch (err) {
        const position = err instanceof AppError ? err.details.position : undefined;
        if (err instanceof AppError && err.code === 'bad_query' && position !== undefined && position >= 0 && position <= q.length) refused++;
        else if (unexpected.length < 5) unexpected.push(`${JSON.stringify(q.slice(0, 200))}: ${String(err)}`);
      }
    }
    expect(unexpected).toEqual([]);
    expect([planned > 2_000, refused > 2_000]).toEqual([true, true]);
  });
});
