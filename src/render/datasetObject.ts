import type { CatalogHit } from '../model/dataset';

/** The optional blocks a request asks for (`extrametas`, `interopmetas`). */
export interface MetaBlocks { extrametas: boolean; interopmetas: boolean }

/**
 * The ODS v1 dataset object (reference/ods-v1.md §2.5): metas with `domain` and `timezone`, fields
 * with their annotations as `{name, args?}`, and with `extrametas`, the facets ods-widgets 2.x
 * reads from `extra_metas.asset_content_configuration`; with `interopmetas`, the DCAT metadata as
 * `interop_metas.dcat`.
 */
export function datasetObject(hit: CatalogHit, blocks: MetaBlocks, datasetId = hit.datasetid): Record<string, unknown> {
  const fields = hit.dataset.fields.map((f) => ({
    name: f.name, label: f.label, type: f.type, ...(f.description ? { description: f.description } : {}),
    annotations: f.annotations.map((a) => ({ name: a.name, ...(a.args?.length ? { args: a.args } : {}) })),
  }));
  const facets = hit.dataset.fields.filter((f) => f.annotations.some((a) => a.name === 'facet')).map((f) => ({ name: f.name, title: f.label }));
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
    ...(blocks.extrametas ? { extra_metas: { asset_content_configuration: { facets } } } : {}),
    ...(blocks.interopmetas ? { interop_metas: { dcat: hit.dataset.dcat ?? {} } } : {}),
  };
}
