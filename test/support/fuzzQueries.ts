import { QUERY_CASES } from '../golden/queryCases';

/**
 * The fuzz corpus of the query language: 100,000 random and mutated queries (seeded, so a failure
 * can be replayed) plus inputs built to hit the limits, all aimed at one dataset and planned in one
 * zone at one instant. test/property/queryFuzz.test.ts checks what parse → plan → compile does
 * with them; bench/query.ts times it.
 */
export const FUZZ_TARGET = { dataset: 'lieux-de-tournage-a-paris', timeZone: 'Europe/Paris', now: Date.parse('2026-11-21T10:30:00Z') };

/** mulberry32: a small seeded generator. */
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

/** The extreme inputs, then 100,000 queries: random ones alternating with mutations of the golden cases on the dataset. */
export function fuzzQueries(): string[] {
  const seeds = QUERY_CASES.filter((c) => c.target === FUZZ_TARGET.dataset).map((c) => c.q);
  const r = rng(20261121);
  const queries = [...EXTREMES];
  for (let i = 0; i < 100_000; i++) queries.push(i % 2 === 0 ? randomQuery(r) : mutate(r, pick(r, seeds)));
  return queries;
}

const CKAN_FIELDS = ['title', 'name', 'tags', 'groups', 'organization', 'notes', 'license_id', 'metadata_modified', 'records_count', 'text', 'theme', 'nope', '*'];
const CKAN_VALUES = ['velo', '"piste cyclable"', '(a OR b)', '[2020-01-01T00:00:00Z TO *]', '{0 TO 1000}', '*', '*envir*', 'paris~2', 'vel?', '/re.*gex/', 'C++', '\\:', '"', '(', '^2', 'é', '\u0000'];
const CKAN_GLUE = [' ', ' AND ', ' OR ', ' NOT ', ' +', ' -', ' && ', ' || ', '(', ')', '^3 '];

function randomSolrQuery(r: () => number): string {
  let q = '';
  const parts = 1 + Math.floor(r() * 6);
  for (let i = 0; i < parts; i++) {
    const kind = r();
    if (kind < 0.5) q += `${pick(r, CKAN_FIELDS)}:${pick(r, CKAN_VALUES)}`;
    else if (kind < 0.85) q += pick(r, CKAN_VALUES);
    else q += Array.from({ length: 1 + Math.floor(r() * 6) }, () => pick(r, [...JUNK])).join('');
    q += pick(r, CKAN_GLUE);
  }
  return q;
}

/** 20,000 CKAN `q` texts (Solr syntax): random ones alternating with mutations of the golden CKAN cases. */
export function fuzzCkanQueries(): string[] {
  const seeds = QUERY_CASES.filter((c) => c.target === 'ckan').map((c) => c.q);
  const r = rng(20261203);
  return Array.from({ length: 20_000 }, (_, i) => (i % 2 === 0 ? randomSolrQuery(r) : mutate(r, pick(r, seeds))));
}
