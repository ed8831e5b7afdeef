import type { SearchHit, SearchResponse } from '@elastic/elasticsearch/lib/api/types';
import { allWritten, readSearchResult, recordOfHit, recordPieces } from '../../../src/results/readSearchResult';
import { valueFacet } from '../../../src/facets/valueFacet';
import type { FacetRequest, SearchPlan } from '../../../src/model/searchPlan';
import type { RecordHit } from '../../../src/model/searchResult';
import type { FieldDef } from '../../../src/model/descriptor';
import { writtenText } from '../../../src/render/formats/writtenText';

const field = { name: 'kind', label: 'Kind', type: 'text', annotations: [], source: { kind: 'column', name: 'kind' } } as unknown as FieldDef;
const facet = (name: string, kind = true): FacetRequest => ({
  name, refined: [], excluded: [], disjunctive: false, sort: 'alphanum',
  ...(kind ? { kind: valueFacet, ctx: { field, valuePath: `v.${name}`, timeZone: 'UTC', order: [] } } : {}),
});
const plan = (facets: FacetRequest[] = []): SearchPlan => ({ index: 'i', datasetId: 'd', facets } as unknown as SearchPlan);
const record = (recordid: string, fields?: Record<string, unknown>): RecordHit =>
  ({ datasetid: 'd', recordid, record_timestamp: '2020-01-01T00:00:00Z', ...(fields ? { fields } : {}) }) as RecordHit;
const hit = (source: RecordHit): SearchHit<RecordHit> => ({ _index: 'i', _id: source.recordid, _source: source });
const response = (hits: SearchHit<RecordHit>[], total?: number | { value: number; relation: 'eq' }, aggregations?: Record<string, unknown>): SearchResponse<RecordHit> =>
  ({ took: 1, timed_out: false, _shards: { total: 1, successful: 1, failed: 0 }, hits: { hits, ...(total !== undefined ? { total } : {}) }, ...(aggregations ? { aggregations } : {}) }) as SearchResponse<RecordHit>;

describe('readSearchResult', () => {
  it('records read written: each one\'s base64 as handed over, in hit order, and no record', () => {
    const written = (id: string, text?: string): SearchHit<RecordHit> => ({ _index: 'i', ...(text === undefined ? {} : { fields: { written_record: [Buffer.from(text).toString('base64')] } }), _id: id });
    const res = response([written('a', '"recordid": "é"}'), written('b', '"recordid": "b"}')], 2);
    const result = readSearchResult({ ...plan(), written: true }, res);
    expect([result.records, result.written?.map((b) => Buffer.from(writtenText(b), 'base64').toString('utf8'))]).toEqual([[], ['"recordid": "é"}', '"recordid": "b"}']]);
    expect(allWritten(res)).toBe(true);
    expect(allWritten(response([written('a', 'x'), written('b')]))).toBe(false);
    expect(allWritten(response([]))).toBe(true);
    expect(() => readSearchResult({ ...plan(), written: true }, response([written('b')]))).toThrow(/i document b has no written_record/);
  });

  it('answers the total, the records in hit order and one facet group per requested facet, in order', () => {
    const res = response([hit(record('r2', { kind: 'b' })), hit(record('r1', { kind: 'a' }))], { value: 25, relation: 'eq' }, {
      facet0: { l1: { buckets: [{ key: 'b', doc_count: 1 }, { key: 'a', doc_count: 24 }] } },
    });
    expect(readSearchResult(plan([facet('kind'), facet('other', false)]), res)).toEqual({
      nhits: 25,
      records: [record('r2', { kind: 'b' }), record('r1', { kind: 'a' })],
      facetGroups: [
        { name: 'kind', facets: [{ name: 'a', path: 'a', count: 24, state: 'displayed' }, { name: 'b', path: 'b', count: 1, state: 'displayed' }] },
        { name: 'other', facets: [] },
      ],
    });
  });

  it('reads a bare-number total, and 0 for a search that did not track it', () => {
    expect(readSearchResult(plan(), response([], 3)).nhits).toBe(3);
    expect(readSearchResult(plan(), response([])).nhits).toBe(0);
  });

  it('answers empty groups when the response has no aggregations', () => {
    expect(readSearchResult(plan([facet('kind')]), response([], 0)).facetGroups).toEqual([{ name: 'kind', facets: [] }]);
  });
});

describe('recordOfHit', () => {
  it('gives a record holding none of the fields asked for empty fields', () => {
    expect(recordOfHit(hit(record('r')))).toEqual({ ...record('r'), fields: {} });
  });

  it('keeps the fields the record holds', () => {
    expect(recordOfHit(hit(record('r', { a: 1 })))).toEqual(record('r', { a: 1 }));
  });
});

describe('recordPieces', () => {
  it('turns each later piece of hits into records, in order', async () => {
    async function* pieces(): AsyncGenerator<SearchHit<RecordHit>[]> {
      yield [hit(record('a')), hit(record('b', { x: 1 }))];
      yield [];
      yield [hit(record('c'))];
    }
    const out: string[][] = [];
    for await (const records of recordPieces(pieces())) out.push(records.map((r) => `${r.recordid}:${JSON.stringify(r.fields)}`));
    expect(out).toEqual([['a:{}', 'b:{"x":1}'], [], ['c:{}']]);
  });
});
