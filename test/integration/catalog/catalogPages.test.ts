import { anonymous } from '../../../src/auth/access';
import type { Deps } from '../../../src/execute/deps';
import { CATALOG_HIT_SOURCE, PACKAGE_SOURCE, type CatalogHit, type PackageHit } from '../../../src/model/dataset';
import type { Predicate } from '../../../src/model/predicate';
import { catalogSearchParams } from '../../../src/dialects/ods-v1/catalogSearchParams';
import { ParamReader } from '../../../src/dialects/shared/paramReader';
import { catalogPages } from '../../../src/usecases/catalogPages';
import { ensureParisDomain, PARIS_DOMAIN_ENTRIES, rawParisCatalog } from '../../support/parisCatalog';
import { TEST_NOW } from '../../support/recordsApp';
import { openTestDeps } from '../../support/testDeps';

/** The catalog read page by page (the DCAT export's reading): every entry the caller sees, once, and no more than asked. */
let deps: Deps & { close(): Promise<void> };
beforeAll(async () => {
  deps = await openTestDeps();
  await ensureParisDomain(deps);
}, 300000);
afterAll(() => deps.close());

const rows = (n: number) => catalogSearchParams(new ParamReader(new Map([['rows', [String(n)]]])));

async function read(pageSize: number, max: number, domain = 'paris', narrowing: Predicate[] = []): Promise<string[][]> {
  const pages: string[][] = [];
  for await (const page of catalogPages<PackageHit>(deps, anonymous(domain), rows(max), TEST_NOW, pageSize, PACKAGE_SOURCE, narrowing)) pages.push(page.map((h) => h.datasetid));
  return pages;
}

describe('catalogPages', () => {
  test('reads of each entry what its source names: the schema only when asked for', async () => {
    const first = async <T extends { datasetid: string }>(source: string[]) => (await catalogPages<T>(deps, anonymous('paris'), rows(50), TEST_NOW, 50, source).next()).value as T[];
    const light = await first<PackageHit>(PACKAGE_SOURCE), whole = await first<CatalogHit>(CATALOG_HIT_SOURCE);
    expect(light.map((h) => h.datasetid)).toEqual(whole.map((h) => h.datasetid));
    expect(light.filter((h) => 'fields' in h.dataset)).toEqual([]);
    expect(whole.filter((h) => !Array.isArray(h.dataset.fields) || h.dataset.fields.length === 0)).toEqual([]);
    // Everything else of an entry is the same.
    expect(light).toEqual(whole.map(({ dataset: { fields: _fields, ...dataset }, ...rest }) => ({ ...rest, dataset })));
  });

  test('every entry of the domain once, whatever the page size, each page at most its size', async () => {
    const expected = PARIS_DOMAIN_ENTRIES.map((e) => e.id).sort();
    for (const size of [7, 100, expected.length, 10_000]) {
      const pages = await read(size, 10_000);
      expect({ size, ids: pages.flat().sort(), over: pages.filter((p) => p.length > size).length }).toEqual({ size, ids: expected, over: 0 });
    }
  });

  test('no more entries than the request\'s rows, across pages', async () => {
    const pages = await read(7, 20);
    expect(pages.map((p) => p.length)).toEqual([7, 7, 6]);
    expect(new Set(pages.flat()).size).toBe(20);
  });

  test('narrowed to entries with records and a geographic field (the OGC collections): no metadata-only entry, however its metas say geo', async () => {
    const geo: Predicate[] = [{ kind: 'term', path: 'has_records', value: 'true' }, { kind: 'term', path: 'features', value: 'geo' }];
    const saysGeo = (rawParisCatalog() as Array<{ features?: string[] }>).filter((e) => e.features?.includes('geo'));
    expect(saysGeo.length).toBeGreaterThan(0);
    expect((await read(7, 10_000, 'paris', geo)).flat()).toEqual([]);
    // In the default domain, the published lieux-de-tournage (geo_point_2d) is there.
    expect((await read(7, 10_000, 'default', geo)).flat()).toContain('lieux-de-tournage-a-paris');
  });
});
