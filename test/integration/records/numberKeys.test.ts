import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DiagnosticResult } from '@elastic/elasticsearch';
import type { Express } from 'express';
import request from 'supertest';
import { parseDescriptor } from '../../../src/catalog/parseDescriptor';
import type { Deps } from '../../../src/execute/deps';
import { forgetKeyedNumbers, keyedNumbers } from '../../../src/execute/keyedNumbers';
import { bumpCatalogGeneration } from '../../../src/execute/catalogGeneration';
import { recordsAlias } from '../../../src/schema/indexNames';
import { publishDataset } from '../../../src/usecases/publishDataset';
import { reindexAlone } from '../../../src/usecases/reindexAlone';
import { testApp } from '../../support/recordsApp';
import { countBy, flat, odsSearch, queryString, type Params } from '../../support/searchRequest';
import { openTestDeps } from '../../support/testDeps';

/**
 * Facets of numbers, counted by the sortable key the index keeps beside each number annotated
 * facet (`k.<f>`), and by the number itself in an index that has no key (built before keys, or
 * before the annotation): negative, fractional and tied values, counted against the CSV.
 */
let deps: Deps & { close(): Promise<void> };
let app: Express;
const dir = mkdtempSync(join(tmpdir(), 'portal-search-keys-'));
const KEYED = 'number-keys', UNKEYED = 'number-keys-unkeyed';

const N = [-3, -3, 0, 7, 7, 10, 10, 10, 9, 100, -20, 7, -3, 1000];
const X = ['-12.5', '-2', '-0.25', '0', '0.1', '3', '10', '10', '9.75', '2.5e-3', '-0.25', '-12.5', '10', '3'];
const rows = N.map((n, i) => ({ nom: `r${i}`, n: String(n), x: X[i] }));
writeFileSync(join(dir, 'numbers.csv'), `nom,n,x,y\n${rows.map((r, i) => `${r.nom},${r.n},${r.x},${i * 1.5}`).join('\n')}\n`);

const descriptor = (id: string, facets: boolean) => parseDescriptor({
  id, metadata: { title: id }, source: { path: 'numbers.csv' },
  fields: [
    { name: 'nom', label: 'Nom', type: 'text' },
    { name: 'n', label: 'N', type: 'int', annotations: facets ? [{ name: 'facet' }] : [] },
    { name: 'x', label: 'X', type: 'double', annotations: facets ? [{ name: 'facet' }] : [] },
    { name: 'y', label: 'Y', type: 'double' },
  ],
}, id);

beforeAll(async () => {
  deps = await openTestDeps();
  await publishDataset(deps, descriptor(KEYED, true), { baseDir: dir });
  // Published without the annotation, so its index keeps no key; then annotated, as an edit of its schema would.
  await publishDataset(deps, descriptor(UNKEYED, false), { baseDir: dir });
  await deps.pool.query('UPDATE datasets SET fields = $2 WHERE id = $1', [UNKEYED, JSON.stringify(descriptor(KEYED, true).fields)]);
  bumpCatalogGeneration();
  app = testApp(deps);
}, 120000);
afterAll(() => deps.close());

/** A value's path is the number written back as JavaScript writes it: "2.5e-3" is 0.0025. */
const pathOf = (cell: string): string => String(Number(cell));
const raw = { n: countBy(rows, (r) => pathOf(r.n)), x: countBy(rows, (r) => pathOf(r.x)) };
const level = async (dataset: string, params: Params) => flat((await odsSearch(app, { dataset, rows: 0, ...params })).facet_groups![0].facets);

describe.each([KEYED, UNKEYED])('number facets of %s', (dataset) => {
  test('which numbers the index keeps a key of: those annotated facet, in the index built with the annotation', async () => {
    expect([...await keyedNumbers(deps.es, recordsAlias(deps.indexPrefix, dataset))].sort()).toEqual(dataset === KEYED ? ['n', 'x'] : []);
  });

  test.each(['n', 'x'] as const)('every value of %s with its count, negative and fractional ones included', async (f) => {
    const got = await level(dataset, { facet: f });
    expect(new Map(got.map((v) => [v.path, v.count]))).toEqual(raw[f]);
    expect(got.map((v) => v.count)).toEqual([...raw[f].values()].sort((a, b) => b - a));
  });

  test.each([['num', 1], ['-num', -1]] as const)('facetsort=%s with facetlimit=3: the three values first in numeric order, which Elasticsearch cuts', async (sort, sign) => {
    const first = [...raw.x].sort(([a], [b]) => sign * (Number(a) - Number(b))).slice(0, 3);
    expect(first.length).toBe(3);
    const got = await level(dataset, { facet: 'x', 'facetsort.x': sort, 'facetlimit.x': 3 });
    expect(got.map((v) => [v.path, v.count])).toEqual(first);
  });

  test.each(['n', 'x'] as const)('analyze grouped by %s: one point per value, in numeric order, with its count', async (f) => {
    const res = await request(app).get(`/api/records/1.0/analyze?${queryString({ dataset, x: f, 'y.c.func': 'COUNT' })}`);
    expect(res.status).toBe(200);
    const expected = [...raw[f]].map(([path, count]) => ({ x: Number(path), c: count })).sort((a, b) => a.x - b.x);
    expect(res.body).toEqual(expected);
  });

  test('a refine on a number: the other number counted among the refined records only', async () => {
    const refined = rows.filter((r) => Number(r.x) === -0.25);
    const got = await level(dataset, { facet: 'n', 'refine.x': '-0.25' });
    expect(new Map(got.map((v) => [v.path, v.count]))).toEqual(countBy(refined, (r) => pathOf(r.n)));
  });
});

describe('what the API remembers of an index\'s keys', () => {
  test('asked once, then kept until a version goes live here or a dataset changes', async () => {
    const alias = recordsAlias(deps.indexPrefix, KEYED);
    let asked = 0;
    const count = (_err: unknown, event: DiagnosticResult | null): void => {
      if (event?.meta.request.params.path.includes('/_mapping/field/')) asked++;
    };
    deps.es.diagnostic.on('request', count);
    try {
      forgetKeyedNumbers(deps.es, alias);
      for (let i = 0; i < 3; i++) expect([...await keyedNumbers(deps.es, alias)].sort()).toEqual(['n', 'x']);
      expect(asked).toBe(1);
      forgetKeyedNumbers(deps.es, alias);
      await keyedNumbers(deps.es, alias);
      expect(asked).toBe(2);
      bumpCatalogGeneration();
      await keyedNumbers(deps.es, alias);
      await keyedNumbers(deps.es, alias);
      expect(asked).toBe(3);
    } finally {
      deps.es.diagnostic.off('request', count);
    }
  });

  test('a rebuild from PostgreSQL (as an upgrade runs it) forgets it, though the dataset\'s row is unchanged: the new version\'s keys are read', async () => {
    const alias = recordsAlias(deps.indexPrefix, UNKEYED);
    expect([...await keyedNumbers(deps.es, alias)]).toEqual([]);
    await reindexAlone(deps, UNKEYED);
    expect([...await keyedNumbers(deps.es, alias)].sort()).toEqual(['n', 'x']);
    expect(new Map((await level(UNKEYED, { facet: 'x' })).map((v) => [v.path, v.count]))).toEqual(raw.x);
  });
});
