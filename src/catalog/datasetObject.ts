import type { CatalogHit } from '../model/dataset';
import { annotationArg, FieldDef } from '../model/descriptor';

/** The optional blocks a request asks for (`extrametas`, `interopmetas`). */
export interface MetaBlocks { extrametas: boolean; interopmetas: boolean }

/**
 * One default facet of a dataset, as ODS lists it in `extra_metas.asset_content_configuration.facets`:
 * ods-widgets 2.x (`ODS.Dataset`'s field walk in src/functions.js) keys the entries by
 * `field_name`, and `ods-facets` reads `title`, `sort`, `disjunctive` and `timerangeFilter` from
 * them. `sort` is the field's `facetsort` annotation, left out when it has none.
 */
function facetConfig(f: FieldDef): Record<string, unknown> {
  const sort = annotationArg(f, 'facetsort');
  const annotated = (name: FieldDef['annotations'][number]['name']): boolean => f.annotations.some((a) => a.name === name);
  return { field_name: f.name, title: f.label, ...(sort ? { sort } : {}), disjunctive: annotated('disjunctive'), timerangeFilter: annotated('timerangeFilter') };
}

/** The optional blocks of a dataset object, from what the request asks for (empty without `extrametas` and `interopmetas`). */
export function metaBlocks(dataset: { fields?: FieldDef[]; dcat?: Record<string, unknown> }, blocks: MetaBlocks): Record<string, unknown> {
  const facets = (): Record<string, unknown>[] => (dataset.fields ?? []).filter((f) => f.annotations.some((a) => a.name === 'facet')).map(facetConfig);
  return {
    ...(blocks.extrametas ? { extra_metas: { asset_content_configuration: { facets: facets() }, visualization: {} } } : {}),
    ...(blocks.interopmetas ? { interop_metas: { dcat: dataset.dcat ?? {} } } : {}),
  };
}

/**
 * The ODS v1 dataset object (reference/ods-v1.md §2.5): metas with `domain` and `timezone`, fields
 * with their annotations as `{name, args?}`; with `extrametas`, the two extra templates
 * ods-widgets 2.x reads: `asset_content_configuration.facets` (the default facets) and
 * `visualization` (empty: no map tooltip, table columns or calendar settings; `ods-map-layer`
 * and `ods-calendar` read its keys without checking it exists); with `interopmetas`, the DCAT
 * metadata as `interop_metas.dcat`. The blocks come last, so that the object without them
 * (indexed as text, src/catalog/catalogPageText.ts) takes them by appending.
 */
export function datasetObject(hit: CatalogHit, blocks: MetaBlocks, datasetId = hit.datasetid): Record<string, unknown> {
  const fields = hit.dataset.fields.map((f) => ({
    name: f.name, label: f.label, type: f.type, ...(f.description ? { description: f.description } : {}),
    annotations: f.annotations.map((a) => ({ name: a.name, ...(a.args?.length ? { args: a.args } : {}) })),
  }));
  return {
    datasetid: datasetId,
    has_records: hit.has_records,
    data_visible: true,
    features: hit.features,
    metas: { ...hit.dataset.metas, timezone: hit.dataset.metas.timezone ?? 'UTC', visibility: 'domain' },
    fields,
    attachments: [],
    alternative_exports: [],
    billing_plans: [],
    ...metaBlocks(hit.dataset, blocks),
  };
}
