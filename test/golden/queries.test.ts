import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compilePredicate } from '../../src/compile/compilePredicate';
import { CATALOG_QUERY_SCHEMA } from '../../src/schema/catalogQuerySchema';
import { CKAN_QUERY_SCHEMA } from '../../src/schema/ckanQuerySchema';
import { planAst, planQuery } from '../../src/plan/planQuery';
import { parseLucene } from '../../src/query/parseLucene';
import { QueryError } from '../../src/query/queryError';
import { expectGolden, expectNoStrayGolden } from '../support/goldenFile';
import { fixtureQuerySchema } from '../support/querySchemas';
import { QUERY_CASES } from './queryCases';

const NOW = '2026-11-21T10:30:00.000Z';

function outcome(target: string, q: string, timeZone: string): object {
  const schema = target === 'catalog' ? CATALOG_QUERY_SCHEMA : target === 'ckan' ? CKAN_QUERY_SCHEMA : fixtureQuerySchema(target);
  const options = { schema, timeZone, now: Date.parse(NOW) };
  try {
    // CKAN's q and fq are read by the Solr-syntax parser; everything everywhere else by the ODS one.
    const lucene = target === 'ckan' ? parseLucene(q) : null;
    const plan = lucene === null ? planQuery(q, options) : lucene === undefined ? { kind: 'all' as const } : planAst(lucene, q, options);
    return { plan, elasticsearch: compilePredicate(plan) };
  } catch (err) {
    if (err instanceof QueryError) return { error: { message: err.message, position: err.position, explain: err.explain().split('\n') } };
    throw err;
  }
}

/**
 * The `why` of a golden file: one line, written by a person who checked the expected clause by hand
 * against the ODS query semantics (reference/ods-v1.md, SPEC §3). Regenerating keeps it; a file
 * without one fails.
 */
function whyOf(file: string): string {
  if (!existsSync(file)) return '';
  const why = (JSON.parse(readFileSync(file, 'utf8')) as { why?: unknown }).why;
  return typeof why === 'string' ? why.trim() : '';
}

/**
 * Each query of queryCases.ts → its plan and its Elasticsearch clause (or its error), as
 * reviewable JSON under test/golden/queries/, with the reason it is right (`why`). Regenerate on
 * purpose with UPDATE_GOLDEN=1 and review the diff; without it a missing file fails.
 */
describe('queries (golden)', () => {
  test.each(QUERY_CASES)('$name', ({ name, target, q, timeZone = 'Europe/Paris' }) => {
    const file = join(__dirname, 'queries', `${name}.json`);
    const why = whyOf(file);
    expect([name, why === '' ? 'no why: write one line saying why the expected clause is right' : 'has a why']).toEqual([name, 'has a why']);
    expectGolden(file, { why, q, target, timeZone, now: NOW, ...outcome(target, q, timeZone) });
  });

  test('every golden file belongs to a case', () => {
    expectNoStrayGolden(join(__dirname, 'queries'), QUERY_CASES.map((c) => c.name));
  });
});
