import type { DatasetRow } from '../model/dataset';

/** The metas of a dataset: catalog-import metadata overlaid by the descriptor's own. */
export function effectiveMetadata(d: DatasetRow): Record<string, unknown> {
  const fromCatalog = (d.catalogExtra?.metas as Record<string, unknown> | undefined) ?? {};
  const metas: Record<string, unknown> = { ...fromCatalog, ...d.metadata };
  metas.records_count = d.hasRecords ? d.recordsCount : (metas.records_count ?? 0);
  metas.domain = d.domain;
  return metas;
}
