import type { Express } from 'express';
import type { Deps } from '../../../src/execute/deps';
import { ensureFixture, FIXTURE_IDS } from '../../support/ingestFixture';
import { fixtureFields } from '../../support/querySchemas';
import { testApp } from '../../support/recordsApp';
import { FacetNode, odsSearch } from '../../support/searchRequest';
import { openTestDeps } from '../../support/testDeps';

let deps: Deps & { close(): Promise<void> };
let app: Express;
beforeAll(async () => {
  deps = await openTestDeps();
  for (const id of FIXTURE_IDS) await ensureFixture(deps, id);
  app = testApp(deps);
}, 900000);
afterAll(() => deps.close());

/** A spread of a level's values: the first ones, the last ones and some from the middle. */
const sample = (nodes: FacetNode[]): FacetNode[] =>
  nodes.length <= 12 ? nodes : [...nodes.slice(0, 5), ...nodes.slice(Math.floor(nodes.length / 2), Math.floor(nodes.length / 2) + 2), ...nodes.slice(-5)];

const facetFields = FIXTURE_IDS.flatMap((id) => fixtureFields(id).filter((f) => f.annotations.some((a) => a.name === 'facet')).map((f) => [id, f.name] as const));

describe('a facet value\'s path, fed back as refine.<f>, selects exactly that bucket', () => {
  test.each(facetFields)('%s: %s', async (dataset, field) => {
    const top = (await odsSearch(app, { dataset, rows: 0, facet: field })).facet_groups![0].facets;
    expect(top.length).toBeGreaterThan(0);
    for (const node of sample(top)) {
      const refined = await odsSearch(app, { dataset, rows: 0, facet: field, [`refine.${field}`]: node.path });
      expect([node.path, refined.nhits]).toEqual([node.path, node.count]);
      const again = refined.facet_groups![0].facets.find((f) => f.path === node.path)!;
      expect([again.state, again.count]).toEqual(['refined', node.count]);
      for (const child of sample(again.facets ?? []).slice(0, 3)) {
        const deeper = await odsSearch(app, { dataset, rows: 0, [`refine.${field}`]: child.path });
        expect([child.path, deeper.nhits]).toEqual([child.path, child.count]);
      }
      const excluded = await odsSearch(app, { dataset, rows: 0, [`exclude.${field}`]: node.path });
      const all = await odsSearch(app, { dataset, rows: 0 });
      // The count is of records having the value (once each, even multivalued): excluding it removes exactly those.
      expect([node.path, excluded.nhits]).toEqual([node.path, all.nhits - node.count]);
    }
  });
});
