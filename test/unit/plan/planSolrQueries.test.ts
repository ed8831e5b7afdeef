import { compileSearch } from '../../../src/compile/compileSearch';
import { AppError } from '../../../src/errors/catalogue';
import { planSolrQueries } from '../../../src/plan/planSolrQueries';
import type { SearchPlan } from '../../../src/model/searchPlan';

const options = { timeZone: 'UTC', now: Date.parse('2026-11-21T10:30:00Z'), ranked: true };

describe('planSolrQueries', () => {
  test('q\'s free text (bare words, phrases, text:), folded and outside NOT, ranks as CKAN\'s qf weighs fields', () => {
    const { predicates, rank } = planSolrQueries('Vélo "Piste cyclable" -tags:velib text:Paris AND title:bus', ['organization:x'], options);
    const words = (paths: string[], text: string, match: string) => ({ kind: 'words', paths, text, match });
    // q: bare word and text: any text (prefix), the phrase whole words, -tags: a NOT on keyword words, title: its words; ANDed. fq: a slug term.
    expect(predicates).toEqual([
      { kind: 'and', clauses: [words(['all_text'], 'velo', 'prefix'), words(['all_text'], 'piste cyclable', 'phrase'), { kind: 'not', clause: words(['t.keyword'], 'velib', 'prefix') }, words(['all_text'], 'paris', 'prefix'), words(['t.title'], 'bus', 'prefix')] },
      { kind: 'term', path: 'organization', value: 'x' },
    ]);
    expect(rank).toEqual([['t.datasetid', 4], ['t.title', 4], ['t.keyword', 2], ['t.theme', 2], ['all_text', 1]].map(([path, boost]) => ({ path, boost, text: 'velo piste cyclable paris' })));
    expect(planSolrQueries('velo', [], { ...options, ranked: false }).rank).toEqual([]);
    // A phrase padded with spaces ranks by its words alone.
    expect(planSolrQueries('"  velo  "', [], options).rank.map((r) => r.text)).toEqual(['velo', 'velo', 'velo', 'velo', 'velo']);
    // *:* asks nothing (no predicate, no rank); fq's tags:velo is a word prefix among the keywords.
    expect(planSolrQueries('*:*', ['tags:velo'], options)).toEqual({ predicates: [{ kind: 'words', paths: ['t.keyword'], text: 'velo', match: 'prefix' }], rank: [] });
  });

  test('rank clauses only score: the filter alone selects', () => {
    const plan: SearchPlan = {
      index: 'i', datasetId: '', schema: [], query: { kind: 'term', path: 'domain', value: 'd' }, filters: [], facets: [],
      sort: [{ path: '_score', order: 'desc' }], rows: 10, start: 0, timeZone: 'UTC', rank: [{ path: 't.title', text: 'velo', boost: 4 }], source: ['datasetid'],
    };
    expect(compileSearch(plan).query).toEqual({ bool: { filter: [{ term: { domain: { value: 'd' } } }], should: [{ match: { 't.title': { query: 'velo', boost: 4 } } }] } });
  });

  test('errors name their parameter and position', () => {
    const err = (() => { try { planSolrQueries('ok', ['title:(x'], options); } catch (e) { return e; } return undefined; })();
    expect(err).toBeInstanceOf(AppError);
    expect([(err as AppError).code, (err as AppError).details]).toEqual(['bad_query', { parameter: 'fq', position: 8 }]);
  });
});
