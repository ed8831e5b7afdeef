import { AppError } from '../../../src/errors/catalogue';
import type { Access } from '../../../src/auth/access';
import type { CatalogSearchRequest, PackageSearchRequest } from '../../../src/model/catalogRequest';
import type { DomainRow } from '../../../src/model/dataset';
import type { PackageSearchPlan } from '../../../src/model/packageSearch';
import type { Predicate } from '../../../src/model/predicate';
import { DEFAULT_PACKAGE_SORT, planPackageSearch } from '../../../src/plan/planPackageSearch';
import { CATALOG_FIELDS } from '../../../src/schema/catalogFieldCatalog';

const paris: DomainRow = { id: 'paris', title: 'Paris', includePublic: false };
const anonymous: Access = { domain: 'paris' };
const holder: Access = { domain: 'paris', keyDomain: 'paris' };

function ods(over: Partial<CatalogSearchRequest> = {}): CatalogSearchRequest {
  return {
    queries: [], facets: [], refine: new Map(), exclude: new Map(), disjunctive: new Set(), facetsort: new Map(), sort: [],
    rows: 10, start: 0, timeZone: 'UTC', extrametas: false, interopmetas: false, format: 'json', prettyPrint: false, echo: {}, ...over,
  };
}
function packageSearch(over: Partial<PackageSearchRequest> = {}): PackageSearchRequest {
  return { fq: [], facetFields: [], facetLimit: 50, facetMincount: 1, sortText: '', includePrivate: false, includeDrafts: false, ods: ods(), ...over };
}
const plan = (over: Partial<PackageSearchRequest> = {}, access: Access = anonymous) => planPackageSearch(packageSearch(over), paris, access, 'catalog-v1', 0);

const term = (path: string, value: string): Predicate => ({ kind: 'term', path, value });
const OPEN: Predicate = { kind: 'and', clauses: [term('visibility', 'public'), term('state', 'published'), term('domain', 'paris')] };
const TIE = { path: 'datasetid', order: 'asc' };
/** CKAN's default, `score desc, metadata_modified desc`, then the dataset id. */
const DEFAULT_SORT = [{ path: '_score', order: 'desc' }, { path: 'modified', order: 'desc' }, TIE];

function refusal(run: () => unknown): { code: string; parameter: string | undefined; message: string } {
  try { run(); } catch (err) {
    if (err instanceof AppError) return { code: err.code, parameter: err.details.parameter, message: err.message };
    throw err;
  }
  throw new Error('not refused');
}

describe('planPackageSearch: defaults', () => {
  test('the visible catalog by relevance then most recently modified, reading the written package dicts only', () => {
    expect(plan({ ods: ods({ rows: 5, start: 15 }) })).toEqual({
      search: {
        index: 'catalog-v1', datasetId: '', schema: CATALOG_FIELDS, query: OPEN, filters: [], facets: [], sort: DEFAULT_SORT,
        rows: 5, start: 15, timeZone: 'UTC', source: ['datasetid'], storedFields: ['written_ckan'],
      },
      facets: [], sort: 'score desc, metadata_modified desc', visibility: OPEN, written: 'ckan',
    });
    expect(DEFAULT_PACKAGE_SORT).toBe('score desc, metadata_modified desc');
  });

  test('data4citizen\'s dicts for its route; the catalog documents for CSV and a pretty-printed page', () => {
    const over = (o: Partial<PackageSearchRequest['ods']>) => ({ ods: ods({ rows: 5, ...o }) });
    const of = (p: PackageSearchPlan) => [p.search.source, p.search.storedFields, p.written];
    expect(of(planPackageSearch(packageSearch(over({})), paris, anonymous, 'catalog-v1', 0, 'd4c'))).toEqual([['datasetid'], ['written_d4c'], 'd4c']);
    expect(of(plan(over({ format: 'jsonp', callback: 'cb' })))).toEqual([['datasetid'], ['written_ckan'], 'ckan']);
    const documents = ['datasetid', 'has_records', 'features', 'dataset.metas', 'dataset.dcat', 'dataset.store'];
    expect(of(plan(over({ format: 'csv' })))).toEqual([documents, undefined, undefined]);
    expect(of(plan(over({ prettyPrint: true })))).toEqual([documents, undefined, undefined]);
  });
});

describe('planPackageSearch: include_private and include_drafts', () => {
  const own = term('domain', 'paris');
  test('a key holder sees their private datasets and drafts only when asked, as CKAN', () => {
    expect(plan({}, holder).visibility).toEqual({ kind: 'or', clauses: [OPEN, { kind: 'and', clauses: [own, term('visibility', 'public'), term('state', 'published')] }] });
    expect(plan({ includePrivate: true }, holder).visibility).toEqual({ kind: 'or', clauses: [OPEN, { kind: 'and', clauses: [own, term('state', 'published')] }] });
    expect(plan({ includeDrafts: true }, holder).visibility).toEqual({ kind: 'or', clauses: [OPEN, { kind: 'and', clauses: [own, term('visibility', 'public')] }] });
    expect(plan({ includePrivate: true, includeDrafts: true }, holder).search.query).toEqual({ kind: 'or', clauses: [OPEN, own] });
  });

  test('anonymous callers gain nothing by asking', () => {
    expect(plan({ includePrivate: true, includeDrafts: true }).visibility).toEqual(OPEN);
  });
});

describe('planPackageSearch: facet.field', () => {
  test('CKAN and d4c names map to catalog fields; organizations and groups are named by slug; d4c hides some features', () => {
    expect(plan({ facetFields: ['organization', 'groups', 'tags', 'themes', 'license_id', 'features'] }).facets).toEqual([
      { name: 'organization', field: 'publisher', slug: true, hidden: [] },
      { name: 'groups', field: 'theme', slug: true, hidden: [] },
      { name: 'tags', field: 'keyword', slug: false, hidden: [] },
      { name: 'themes', field: 'theme', slug: false, hidden: [] },
      { name: 'license_id', field: 'license', slug: false, hidden: [] },
      { name: 'features', field: 'features', slug: false, hidden: ['api', 'table', 'timeserie'] },
    ]);
  });

  test('ODS facet names map to themselves; each catalog field is counted once', () => {
    const p = plan({ facetFields: ['theme', 'groups', 'modified'] });
    expect(p.facets).toEqual([
      { name: 'theme', field: 'theme', slug: false, hidden: [] },
      { name: 'groups', field: 'theme', slug: true, hidden: [] },
      { name: 'modified', field: 'modified', slug: false, hidden: [] },
    ]);
    expect(p.search.facets.map((f) => f.name)).toEqual(['theme', 'modified']);
  });

  test('an unknown facet is refused under facet.field, listing the known ones', () => {
    // The CKAN/d4c names, then the catalog facets of mappings/catalog.json in its order (features already listed).
    expect(refusal(() => plan({ facetFields: ['title'] }))).toEqual({
      code: 'bad_parameter', parameter: 'facet.field',
      message: 'Unknown facet "title": use organization, groups, tags, themes, license_id, features, theme, keyword, publisher, license, language, '
        + 'accrualperiodicity, granularity, dataquality, creator, contributor, modified, issued, created',
    });
    expect(refusal(() => plan({ facetFields: ['x'.repeat(120)] })).message.startsWith(`Unknown facet "${'x'.repeat(100)}": use `)).toBe(true);
  });
});

describe('planPackageSearch: CKAN sort', () => {
  const sorted = (ckanSort: PackageSearchRequest['ckanSort'], sortText = 'as sent') => {
    const p = plan({ ckanSort, sortText });
    return { keys: p.search.sort, text: p.sort };
  };

  test('CKAN fields → catalog paths, each clause\'s order kept, the text echoed as sent', () => {
    expect(sorted([{ field: 'title', order: 'asc' }, { field: 'metadata_created', order: 'desc' }], 'title asc, metadata_created desc')).toEqual({
      keys: [{ path: 't.title.sort', order: 'asc' }, { path: 'created', order: 'desc' }, TIE], text: 'title asc, metadata_created desc',
    });
    const pairs: Array<[string, string]> = [
      ['score', '_score'], ['rank', '_score'], ['metadata_modified', 'modified'], ['modified', 'modified'], ['created', 'created'], ['issued', 'issued'],
      ['title_string', 't.title.sort'], ['name', 'datasetid'], ['id', 'datasetid'], ['records_count', 'records_count'], ['organization', 'organization'],
    ];
    for (const [field, path] of pairs) expect(sorted([{ field, order: 'desc' }]).keys).toEqual([{ path, order: 'desc' }, TIE]);
  });

  test('relevance and pertinence are a rank: asc puts the most relevant first', () => {
    expect(sorted([{ field: 'relevance', order: 'asc' }, { field: 'metadata_modified', order: 'desc' }]).keys).toEqual(DEFAULT_SORT);
    expect(sorted([{ field: 'Pertinence', order: 'asc' }]).keys).toEqual([{ path: '_score', order: 'desc' }, TIE]);
    expect(sorted([{ field: 'RELEVANCE', order: 'desc' }]).keys).toEqual([{ path: '_score', order: 'asc' }, TIE]);
  });

  test('popularity sorts have no data: they sort nothing', () => {
    for (const field of ['nb_views', 'nb_download', 'views_recent', 'views_total']) expect(sorted([{ field, order: 'desc' }]).keys).toEqual([TIE]);
  });

  test('an unknown sort field is a Search Query Error naming sort, listing the known ones', () => {
    expect(refusal(() => sorted([{ field: 'notes', order: 'asc' }]))).toEqual({
      code: 'bad_query', parameter: 'sort',
      message: 'Invalid "sort" parameter: cannot sort by "notes" (score, rank, metadata_modified, modified, metadata_created, created, issued, title, '
        + 'title_string, name, id, records_count, organization, nb_views, nb_download, views_recent, views_total, relevance, pertinence).',
    });
    // A long name is quoted up to 100 characters.
    expect(refusal(() => sorted([{ field: 'n'.repeat(150), order: 'asc' }])).message).toMatch(new RegExp(`^Invalid "sort" parameter: cannot sort by "${'n'.repeat(100)}" \\(score, `));
  });
});

describe('planPackageSearch: ODS-style sort', () => {
  const odsSorted = (...sort: string[]) => {
    const p = plan({ ods: ods({ sort }) });
    return { keys: p.search.sort, text: p.sort };
  };

  test('`-f` and `f` as catalog search sorts them, CKAN names read as the ODS ones; the text is the ODS clauses', () => {
    expect(odsSorted('-metadata_modified')).toEqual({ keys: [{ path: 'modified', order: 'asc' }, TIE], text: '-modified' });
    expect(odsSorted('metadata_created', 'title_string')).toEqual({ keys: [{ path: 'created', order: 'desc' }, { path: 't.title.sort', order: 'asc' }, TIE], text: 'created,title' });
    expect(odsSorted('-records_count')).toEqual({ keys: [{ path: 'records_count', order: 'asc' }, TIE], text: '-records_count' });
  });

  test('popularity clauses drop out; none left is the default sort', () => {
    expect(odsSorted('-nb_views', 'issued')).toEqual({ keys: [{ path: 'issued', order: 'desc' }, TIE], text: 'issued' });
    expect(odsSorted('nb_download')).toEqual({ keys: DEFAULT_SORT, text: 'score desc, metadata_modified desc' });
  });

  test('a bare `rank` is CKAN\'s default sort (reference/ckan-d4c.md A2: "Missing or rank → default_package_sort")', () => {
    expect(odsSorted('rank')).toEqual({ keys: DEFAULT_SORT, text: 'score desc, metadata_modified desc' });
  });

  test('only a leading `-` is read off a name: a dash inside it stays', () => {
    // `nb-views` is no popularity sort (those are dropped), so catalog search refuses it whole.
    expect(refusal(() => odsSorted('nb-views')).message).toBe('Field nb-views is not sortable (modified, issued, created, records_count, title).');
    expect(refusal(() => odsSorted('-nb-views')).message).toBe('Field nb-views is not sortable (modified, issued, created, records_count, title).');
  });

  test('`-name` is refused as catalog search refuses it (README: a 409)', () => {
    expect(refusal(() => odsSorted('-name'))).toEqual({
      code: 'bad_parameter', parameter: 'sort', message: 'Field name is not sortable (modified, issued, created, records_count, title).',
    });
  });
});

describe('planPackageSearch: q and fq', () => {
  const rank = (text: string) => [['t.datasetid', 4], ['t.title', 4], ['t.keyword', 2], ['t.theme', 2], ['all_text', 1]].map(([path, boost]) => ({ path, text, boost }));

  test('q and each fq are ANDed with the visibility', () => {
    const p = plan({ q: 'tags:velo', fq: ['organization:ville-de-paris'] });
    expect(p.search.query).toEqual({
      kind: 'and', clauses: [OPEN, { kind: 'words', paths: ['t.keyword'], text: 'velo', match: 'prefix' }, term('organization', 'ville-de-paris')],
    });
    // The visibility alone, for all_organizations.
    expect(p.visibility).toEqual(OPEN);
  });

  test('dates in q and fq are read in the request zone', () => {
    // 2020 in Paris (UTC+1 in winter) starts 2019-12-31T23:00Z.
    expect(plan({ fq: ['metadata_modified:2020'], ods: ods({ timeZone: 'Europe/Paris' }) }).search.query).toEqual({
      kind: 'and', clauses: [OPEN, { kind: 'range', path: 'modified', bounds: { gte: '2019-12-31T23:00:00.000Z', lt: '2020-12-31T23:00:00.000Z' }, format: 'strict_date_optional_time' }],
    });
  });

  test('with a sort on relevance, q\'s free words score the hits as CKAN\'s dismax weighs the fields', () => {
    expect(plan({ q: 'Vélo' }).search.rank).toEqual(rank('velo'));
    expect(plan({ q: 'Vélo', ckanSort: [{ field: 'relevance', order: 'asc' }] }).search.rank).toEqual(rank('velo'));
  });

  test('without a sort on relevance, nothing is scored', () => {
    const p = plan({ q: 'Vélo', ckanSort: [{ field: 'title', order: 'asc' }] }).search;
    expect('rank' in p).toBe(false);
    expect('rank' in plan({ q: 'velo', ods: ods({ sort: ['modified'] }) }).search).toBe(false);
  });

  test('a fielded q has no free words to score', () => {
    expect('rank' in plan({ q: 'tags:velo' }).search).toBe(false);
  });

  test('a refused fq is a Search Query Error naming fq', () => {
    const e = refusal(() => plan({ fq: ['nope:1'] }));
    expect([e.code, e.parameter, e.message.startsWith('Invalid query in fq: unknown field "nope" (fields: ')]).toEqual(['bad_query', 'fq', true]);
  });
});
