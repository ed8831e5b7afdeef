import type { FieldDef } from '../catalog/descriptor';

/** What the catalog index keeps of a dataset for rendering. */
export interface CatalogHit {
  datasetid: string;
  has_records: boolean;
  features: string[];
  dataset: { metas: Record<string, unknown>; fields: FieldDef[]; dcat?: Record<string, unknown>; store: StoreFacts };
}

/** What the store knows of a dataset beyond its metadata, for CKAN's package dicts (ISO 8601 instants). */
export interface StoreFacts {
  resource_id: string;
  visibility: 'public' | 'private';
  state: 'draft' | 'published';
  created_at: string;
  updated_at: string;
  published_at: string | null;
}

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
