import { DataFactory } from 'n3';
import type { CatalogHit } from '../../../../src/model/dataset';
import { extentQuads } from '../../../../src/render/dcat/dcatExtent';

const store = { resource_id: 'r', visibility: 'public' as const, state: 'published' as const, created_at: '2020-01-01T00:00:00Z', updated_at: '2020-01-02T00:00:00Z', published_at: '2021-03-04T05:06:07Z' };
const hit = (datasetid: string, metas: Record<string, unknown>, dcat: Record<string, unknown>): CatalogHit => ({
  datasetid, has_records: true, features: [], dataset: { metas, fields: [], dcat, store },
});
const DS = DataFactory.namedNode('https://portal.example/ds');
const GYEAR = 'http://www.w3.org/2001/XMLSchema#gYear';

/** The start and end of the dct:temporal period, as `value^^datatype`, or undefined without one. */
function period(temporal: unknown): string[] | undefined {
  const quads = extentQuads(hit('d', {}, { temporal }), DS);
  if (quads.length === 0) return undefined;
  const ends = quads.filter((q) => q.predicate.value.endsWith('#startDate') || q.predicate.value.endsWith('#endDate'));
  return ends.map((q) => `${q.predicate.value.split('#')[1]}=${q.object.value}^^${(q.object as { datatype: { value: string } }).datatype.value}`);
}

describe('extentQuads: a `temporal` of two years', () => {
  test('two years joined by - or /, with or without spaces, are the period between them', () => {
    for (const text of ['2013-2014', '2013 - 2014', '2013/2014', '2013 /2014', '2013-  2014']) {
      expect(period(text)).toEqual([`startDate=2013^^${GYEAR}`, `endDate=2014^^${GYEAR}`]);
    }
  });

  test('anything before, after or between is no period', () => {
    for (const text of ['from 2013-2014', '2013-2014 onwards', '2013 to 2014', '2013-20145', '12013-2014', '']) expect(period(text)).toBe(undefined);
    expect(period(undefined)).toBe(undefined);
  });

  test('each dataset\'s place and period are blank nodes of their own', () => {
    const quads = (id: string) => extentQuads(hit(id, { bbox: { type: 'Point', coordinates: [1, 2] } }, { temporal: '2013-2014' }), DS);
    const nodes = (id: string) => new Set(quads(id).filter((q) => q.object.termType === 'BlankNode').map((q) => q.object.value));
    const a = nodes('a');
    expect(a.size).toBe(2);
    for (const n of nodes('b')) expect(a.has(n)).toBe(false);
  });
});
