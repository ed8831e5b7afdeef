import { AppError } from '../../../src/errors/catalogue';
import type { Access } from '../../../src/auth/access';
import type { CatalogSearchRequest } from '../../../src/model/catalogRequest';
import type { DomainRow } from '../../../src/model/dataset';
import type { Predicate } from '../../../src/model/predicate';
import { planCatalogSearch } from '../../../src/plan/planCatalogSearch';
import { CATALOG_FIELDS } from '../../../src/schema/catalogFieldCatalog';
import { valueFacet } from '../../../src/facets/valueFacet';

const paris: DomainRow = { id: 'paris', title: 'Paris', includePublic: false };
const anonymous: Access = { domain: 'paris' };

function catalog(over: Partial<CatalogSearchRequest> = {}): CatalogSearchRequest {
  return {
    queries: [], facets: [], refine: new Map(), exclude: new Map(), disjunctive: new Set(), facetsort: new Map(), sort: [],
    rows: 10, start: 0, timeZone: 'UTC', extrametas: false, interopmetas: false, format: 'json', prettyPrint: false, echo: {}, ...over,
  };
}
const plan = (over: Partial<CatalogSearchRequest> = {}, access: Access = anonymous) => planCatalogSearch(catalog(over), paris, access, 'catalog-v1', 0);

/** What anyone sees from paris (README "Domains, visibility and API keys"). */
const OPEN: Predicate = {
  kind: 'and', clauses: [{ kind: 'term', path: 'visibility', value: 'public' }, { kind: 'term', path: 'state', value: 'published' }, { kind: 'term', path: 'domain', value: 'paris' }],
};

function refusal(run: () => unknown): { code: string; parameter: string | undefined; message: string } {
  try { run(); } catch (err) {
    if (err instanceof AppError) return { code: err.code, parameter: err.details.parameter, message: err.message };
    throw err;
  }
  throw new Error('not refused');
}

describe('planCatalogSearch: the plan', () => {
  test('defaults: what the caller may see, by dataset id, the JSON page reading each entry\'s written object', () => {
    expect(plan({ rows: 20, start: 40, timeZone: 'Europe/Paris' })).toEqual({
      index: 'catalog-v1', datasetId: '', schema: CATALOG_FIELDS, query: OPEN, filters: [], facets: [],
      sort: [{ path: 'datasetid', order: 'asc' }], rows: 20, start: 40, timeZone: 'Europe/Paris', source: ['datasetid'], storedFields: ['written_ods'],
    });
  });

  test('q over the metadata is ANDed with the visibility', () => {
    expect(plan({ queries: [{ parameter: 'q', text: 'records_count>=10' }] }).query).toEqual({ kind: 'and', clauses: [OPEN, { kind: 'range', path: 'records_count', bounds: { gte: 10 } }] });
    expect(plan({ queries: [{ parameter: 'q', text: 'vélo' }] }).query).toEqual({ kind: 'and', clauses: [OPEN, { kind: 'words', paths: ['all_text'], text: 'velo', match: 'prefix' }] });
    // Dates in q are read in the request zone: 2020 in Paris (UTC+1 in winter) starts 2019-12-31T23:00Z.
    expect(plan({ timeZone: 'Europe/Paris', queries: [{ parameter: 'q', text: 'modified:2020' }] }).query).toEqual({
      kind: 'and', clauses: [OPEN, { kind: 'range', path: 'modified', bounds: { gte: '2019-12-31T23:00:00.000Z', lt: '2020-12-31T23:00:00.000Z' }, format: 'strict_date_optional_time' }],
    });
    // A blank q is no query.
    expect(plan({ queries: [{ parameter: 'q', text: ' ' }] }).query).toEqual(OPEN);
  });

  test('a refused q is a bad_query naming its parameter', () => {
    const e = refusal(() => plan({ queries: [{ parameter: 'q', text: 'nope:1' }] }));
    expect([e.code, e.parameter, e.message.startsWith('Invalid query in q: unknown field "nope" (fields: ')]).toEqual(['bad_query', 'q', true]);
  });

  test('a key holder of the domain sees all of it by default (ODS endpoints grant everything)', () => {
    expect(plan({}, { domain: 'paris', keyDomain: 'paris' }).query).toEqual({ kind: 'or', clauses: [OPEN, { kind: 'term', path: 'domain', value: 'paris' }] });
  });

  test('… and what the grants given allow', () => {
    const p = planCatalogSearch(catalog(), paris, { domain: 'paris', keyDomain: 'paris' }, 'catalog-v1', 0, { private: false, drafts: true });
    expect(p.query).toEqual({ kind: 'or', clauses: [OPEN, { kind: 'and', clauses: [{ kind: 'term', path: 'domain', value: 'paris' }, { kind: 'term', path: 'visibility', value: 'public' }] }] });
  });
});

describe('planCatalogSearch: what is read of each entry', () => {
  test('JSON and JSONP: the written object, plus the schema for extrametas and DCAT for interopmetas', () => {
    const read = (p: ReturnType<typeof plan>) => [p.source, p.storedFields];
    expect(read(plan({ format: 'jsonp', extrametas: true }))).toEqual([['datasetid', 'dataset.fields'], ['written_ods']]);
    expect(read(plan({ interopmetas: true }))).toEqual([['datasetid', 'dataset.dcat'], ['written_ods']]);
    expect(read(plan({ extrametas: true, interopmetas: true }))).toEqual([['datasetid', 'dataset.fields', 'dataset.dcat'], ['written_ods']]);
  });

  test('CSV and feeds: the entries themselves, without the schema none of them shows, even with extrametas', () => {
    const entry = ['datasetid', 'has_records', 'features', 'dataset.metas', 'dataset.dcat', 'dataset.store'];
    for (const format of ['csv', 'rss', 'atom'] as const) expect(plan({ format, extrametas: true }).source).toEqual(entry);
  });
});

describe('planCatalogSearch: sort (reference/ods-v1.md §1.1)', () => {
  const sorted = (...sort: string[]) => plan({ sort }).sort;
  const tie = { path: 'datasetid', order: 'asc' };

  test('dates and records_count newest or largest first, `-` reverses', () => {
    expect(sorted('modified')).toEqual([{ path: 'modified', order: 'desc' }, tie]);
    expect(sorted('-issued')).toEqual([{ path: 'issued', order: 'asc' }, tie]);
    expect(sorted('created', '-records_count')).toEqual([{ path: 'created', order: 'desc' }, { path: 'records_count', order: 'asc' }, tie]);
  });

  test('title A→Z, `-title` Z→A, on the folded title', () => {
    expect(sorted('title')).toEqual([{ path: 't.title.sort', order: 'asc' }, tie]);
    expect(sorted('-title')).toEqual([{ path: 't.title.sort', order: 'desc' }, tie]);
  });

  test('ods-widgets\' explore.* popularity sorts have no data and are ignored', () => {
    expect(sorted('explore.popularity_score', '-explore.download_count')).toEqual([tie]);
  });

  test('anything else is refused under sort, naming the field and what is sortable', () => {
    for (const name of ['description', 'datasetid', 'publisher']) {
      expect(refusal(() => sorted(`-${name}`))).toEqual({
        code: 'bad_parameter', parameter: 'sort', message: `Field ${name} is not sortable (modified, issued, created, records_count, title).`,
      });
    }
    // Only a leading `-` is read off the name.
    expect(refusal(() => sorted('records-count')).message).toBe('Field records-count is not sortable (modified, issued, created, records_count, title).');
    expect(refusal(() => sorted('a'.repeat(150))).message).toBe(`Field ${'a'.repeat(100)} is not sortable (modified, issued, created, records_count, title).`);
  });
});

describe('planCatalogSearch: facets and refines on catalog fields (values at the top level)', () => {
  test('a refine on a metadata value', () => {
    expect(plan({ refine: new Map([['theme', ['Transports']]]) }).filters).toEqual([{ field: 'theme', disjunctive: false, refine: { kind: 'term', path: 'theme', value: 'Transports' } }]);
  });

  test('a facet counts the top-level value', () => {
    const [publisher] = plan({ facets: ['publisher'] }).facets;
    expect(publisher).toEqual({
      name: 'publisher', kind: valueFacet, refined: [], excluded: [], disjunctive: false, sort: '-count', limit: undefined,
      ctx: { field: CATALOG_FIELDS.find((f) => f.name === 'publisher'), valuePath: 'publisher', timeZone: 'UTC', order: [{ _count: 'desc' }, { _key: 'asc' }] },
    });
  });

  test('title is no facet (an empty group); description is no catalog field (400)', () => {
    expect(plan({ facets: ['title'] }).facets).toEqual([{ name: 'title', refined: [], excluded: [], disjunctive: false, sort: '-count' }]);
    expect(refusal(() => plan({ facets: ['description'] }))).toEqual({ code: 'bad_parameter', parameter: 'facet', message: 'Unknown field "description" in facet.' });
  });
});
