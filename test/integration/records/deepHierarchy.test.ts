import type { Express } from 'express';
import type { Deps } from '../../../src/execute/deps';
import type { FacetNode } from '../../support/searchRequest';
import { odsSearch } from '../../support/searchRequest';
import { testApp } from '../../support/recordsApp';
import { openTestDeps } from '../../support/testDeps';
import { publishTinyCsv } from '../../support/tinyDataset';

// A hierarchy deeper than the eight levels indexed one by one: the eighth level holds the whole
// path, so a refine on a 10-level path still finds its record, and the facet tree above it is the
// chain of its 1- to 7-level prefixes.
const ID = 'deep-hierarchy';
const PATHS = ['a/b/c/d/e/f/g/h/i/j', 'a/b/c/d/e/f/g/h/i/k', 'a/b/c/d/e/f/g/x', 'a/b/c/d/e/f/y', 'z'];
let deps: Deps & { close(): Promise<void> };
let app: Express;
beforeAll(async () => {
  deps = await openTestDeps();
  const annotations = [{ name: 'facet' }, { name: 'hierarchical', args: ['/'] }];
  await publishTinyCsv(deps, ID, [{ name: 'chemin', type: 'text', annotations }], PATHS.map((p) => [p]));
  app = testApp(deps);
}, 600000);
afterAll(() => deps.close());

/** The refined chain from the top: at each level, the one refined node's path and count. */
function refinedChain(nodes: FacetNode[] | undefined): Array<{ path: string; count: number; children: number }> {
  const out: Array<{ path: string; count: number; children: number }> = [];
  for (let level = nodes; level && level.length > 0; ) {
    const node = level.find((n) => n.state === 'refined');
    if (!node) break;
    out.push({ path: node.path, count: node.count, children: node.facets?.length ?? 0 });
    level = node.facets;
  }
  return out;
}

test('a refine on a 10-level path: one record, and the tree lists each ancestor at its own level', async () => {
  const target = PATHS[0];
  const body = await odsSearch(app, { dataset: ID, rows: 10, facet: 'chemin', 'refine.chemin': target });
  expect(body.records.map((r) => r.fields.chemin)).toEqual([target]);
  const segments = target.split('/');
  // Levels 1 to 7 are the prefixes of the path, each with one child; level 8 is the path itself.
  const expected = [1, 2, 3, 4, 5, 6, 7].map((d) => ({ path: segments.slice(0, d).join('/'), count: 1, children: 1 }));
  expect(refinedChain(body.facet_groups![0].facets)).toEqual([...expected, { path: target, count: 1, children: 0 }]);
});

test('a refine on a 7-level path lists the eighth level below it: every deeper path in full', async () => {
  const body = await odsSearch(app, { dataset: ID, rows: 0, facet: 'chemin', 'refine.chemin': 'a/b/c/d/e/f/g' });
  expect(body.nhits).toBe(PATHS.filter((p) => p.startsWith('a/b/c/d/e/f/g/')).length);
  const chain = refinedChain(body.facet_groups![0].facets);
  expect(chain.map((n) => n.path)).toEqual(['a', 'a/b', 'a/b/c', 'a/b/c/d', 'a/b/c/d/e', 'a/b/c/d/e/f', 'a/b/c/d/e/f/g']);
  let node = body.facet_groups![0].facets;
  for (let d = 0; d < 6; d++) node = node.find((n) => n.state === 'refined')!.facets!;
  const seventh = node.find((n) => n.state === 'refined')!;
  expect((seventh.facets ?? []).map((n) => [n.path, n.count]).sort()).toEqual([['a/b/c/d/e/f/g/h/i/j', 1], ['a/b/c/d/e/f/g/h/i/k', 1], ['a/b/c/d/e/f/g/x', 1]]);
});
