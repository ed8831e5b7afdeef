/**
 * The dataset object as ods-widgets 2.1.2 (opendatasoft/ods-widgets, src/) consumes it. The keys
 * checked are the ones its source reads (file and function cited at each check); the expected
 * values come from the fixture descriptors and the raw Paris catalog export, never from our output.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Express } from 'express';
import request from 'supertest';
import type { Deps } from '../../../src/execute/deps';
import { ensureFixture } from '../../support/ingestFixture';
import { ensureParisDomain, PARIS_DOMAIN_ENTRIES, rawParisCatalog } from '../../support/parisCatalog';
import { FIXTURES } from '../../support/rawFixtures';
import { testApp } from '../../support/recordsApp';
import { queryString } from '../../support/searchRequest';
import { openTestDeps } from '../../support/testDeps';

const LIEUX = 'lieux-de-tournage-a-paris';
let deps: Deps & { close(): Promise<void> };
let app: Express;
beforeAll(async () => {
  deps = await openTestDeps();
  await ensureFixture(deps, LIEUX);
  await ensureParisDomain(deps);
  app = testApp(deps);
}, 600000);
afterAll(() => deps.close());

interface ApiField { name: string; label: string; type: string }
interface ApiDataset { datasetid: string; metas: Record<string, unknown>; fields: ApiField[]; extra_metas?: Record<string, unknown> }
/** One facet as ods-facets would build it (below): what its `<ods-facet>` tags receive. */
interface WidgetFacet { name: string; title: string; sort?: string; disjunctive?: unknown; timerangeFilter?: unknown; valueFormatter?: string }

/**
 * The default facets of `<ods-facets>` without children, as ods-widgets 2.1.2 builds them:
 * src/functions.js, `ODS.Dataset` → `iterateFields`, keys `extra_metas.asset_content_configuration.facets`
 * by each entry's `field_name` and keeps, in the entries' order, those naming a field of `fields`,
 * adding the field's name, label and type; src/directives/facets.js, `odsFacets` compile (the
 * `childrenCount === 0` branch), then takes the field label as `title`, `facetsort` as `sort`
 * when given, and the `date` formatter for date and datetime fields; `buildFacetTagsHTML` passes
 * `name`, `title`, `sort`, `disjunctive`, `timerangeFilter` on.
 */
function widgetDefaultFacets(d: ApiDataset): WidgetFacet[] {
  const acc = (d.extra_metas?.asset_content_configuration ?? {}) as { facets?: Array<Record<string, unknown>> };
  const entries = acc.facets ?? [];
  const byName = new Map(entries.map((e) => [e.field_name, e]));
  const listed = d.fields.filter((f) => byName.has(f.name)).map((f) => ({ f, e: byName.get(f.name)! }));
  listed.sort((a, b) => entries.indexOf(a.e) - entries.indexOf(b.e));
  return listed.map(({ f, e }) => {
    const sort = (e.facetsort ?? e.sort) as string | undefined;
    return {
      name: f.name, title: f.label, ...(sort !== undefined ? { sort } : {}), disjunctive: e.disjunctive, timerangeFilter: e.timerangeFilter,
      ...(f.type === 'date' || f.type === 'datetime' ? { valueFormatter: 'date' } : {}),
    };
  });
}

/** What ods-dataset-context asks for (src/services/contexts.js, `newDatasetContext`; the path from src/services/api.js, `datasets.get`). */
const widgetLookup = async (path: string): Promise<ApiDataset> => {
  const res = await request(app).get(`${path}/?${queryString({ extrametas: 'true', interopmetas: 'true', assetmetas: 'true', source: '', timezone: 'Europe/Paris' })}`);
  if (res.status !== 200) throw new Error(`${res.status} ${res.text}`);
  return res.body as ApiDataset;
};

describe('the dataset object, as ods-widgets 2.1.2 reads it', () => {
  const descriptor = JSON.parse(readFileSync(join(FIXTURES, 'descriptors', `${LIEUX}.json`), 'utf8')) as {
    metadata: { title: string; timezone: string }; fields: Array<{ name: string; label: string; type: string; annotations: Array<{ name: string }> }>;
  };
  const facetFields = descriptor.fields.filter((f) => f.annotations.some((a) => a.name === 'facet'));

  test('ods-facets builds its default facets from asset_content_configuration.facets (field_name)', async () => {
    const d = await widgetLookup(`/api/datasets/1.0/${LIEUX}`);
    expect(facetFields.length).toBeGreaterThan(3);
    // The descriptor's fields carry no facetsort, disjunctive or timerangeFilter annotation.
    expect(widgetDefaultFacets(d)).toEqual(facetFields.map((f) => ({
      name: f.name, title: f.label, disjunctive: false, timerangeFilter: false, ...(f.type === 'date' || f.type === 'datetime' ? { valueFormatter: 'date' } : {}),
    })));
    // src/services/charts.js, ChartHelper `init`: a text field is offered as a chart x when an entry's field_name names it.
    const entries = (d.extra_metas!.asset_content_configuration as { facets: Array<{ field_name: string }> }).facets;
    const chartXs = d.fields.filter((f) => f.type === 'text' && entries.some((e) => e.field_name === f.name)).map((f) => f.name);
    expect(chartXs).toEqual(facetFields.filter((f) => f.type === 'text').map((f) => f.name));
  });

  test('the metas and extra_metas keys the widgets read without checking them', async () => {
    const d = await widgetLookup(`/api/datasets/1.0/${LIEUX}`);
    // src/services/api.js, `request`: metas.timezone becomes every later call's `timezone`.
    // src/functions.js, `ODS.Dataset` → `getUniqueId`: metas.domain; metas.title is every widget's dataset title.
    expect([d.metas.timezone, d.metas.title, typeof d.metas.domain]).toEqual([descriptor.metadata.timezone, descriptor.metadata.title, 'string']);
    // src/directives/map.js, `odsMapLayer` link: `extra_metas.visualization.map_tooltip_disabled`, unguarded;
    // src/directives/calendar.js, the event tooltip: `extra_metas.visualization.calendar_tooltip_html_enabled`, unguarded.
    const visualization = d.extra_metas!.visualization as Record<string, unknown>;
    expect([typeof visualization, visualization === null]).toEqual(['object', false]);
    expect([visualization.map_tooltip_disabled, visualization.calendar_tooltip_html_enabled]).toEqual([undefined, undefined]);
    // src/directives/facets.js and table.js: fields_displayed_in_specific_languages, when present, maps a field to its languages.
    const languages = (d.extra_metas!.asset_content_configuration as Record<string, unknown>).fields_displayed_in_specific_languages;
    expect(languages === undefined || (typeof languages === 'object' && languages !== null)).toBe(true);
  });

  test('Paris catalog entries: sort, disjunctive and timerangeFilter come from the entries\' own annotations', async () => {
    interface RawField { name: string; label: string | null; type: string; annotations: Record<string, unknown[]> | null }
    const inDomain = new Set(PARIS_DOMAIN_ENTRIES.map((e) => e.id));
    const raw = (rawParisCatalog() as unknown as Array<{ dataset_id: string; fields: RawField[] | Record<string, never> }>)
      .filter((e) => inDomain.has(e.dataset_id) && Array.isArray(e.fields))
      .map((e) => ({ id: e.dataset_id, facets: (e.fields as RawField[]).filter((f) => f.annotations && 'facet' in f.annotations) }))
      .filter((e) => ['facetsort', 'disjunctive', 'timerangeFilter'].every((a) => e.facets.some((f) => a in f.annotations!)));
    expect(raw.length).toBeGreaterThan(10);
    for (const e of raw) {
      const want = e.facets.map((f) => {
        const sort = f.annotations!.facetsort?.[0] as string | undefined;
        return {
          name: f.name, title: f.label ?? f.name, ...(sort !== undefined ? { sort } : {}), disjunctive: 'disjunctive' in f.annotations!, timerangeFilter: 'timerangeFilter' in f.annotations!,
          ...(f.type === 'date' || f.type === 'datetime' ? { valueFormatter: 'date' } : {}),
        };
      });
      expect([e.id, widgetDefaultFacets(await widgetLookup(`/paris/api2/datasets/${e.id}`))]).toEqual([e.id, want]);
    }
    // The same object in a catalog search asked with extrametas (src/directives/infinite-scroll-results.js, `loadMore`).
    const one = raw[0];
    const res = await request(app).get(`/paris/api2/datasets/search?${queryString({ q: `datasetid:"${one.id}"`, extrametas: 'true', interopmetas: 'true' })}`);
    expect(widgetDefaultFacets(res.body.datasets[0] as ApiDataset)).toEqual(widgetDefaultFacets(await widgetLookup(`/paris/api2/datasets/${one.id}`)));
  });
});
