import type { PackageHit } from '../model/dataset';
import { packageDict } from './packageDict';

const PARIS_MINUTE = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/**
 * A package dict as data4citizen's `/api/datasets/2.0/…` returns it (reference/ckan-d4c.md B4–B5):
 * resources without `url`, `metas` (records_count, features, custom_view), `metadata_imported`
 * and `dataset_modification_date` (the metadata's `modified`, else the last update, in Paris time).
 */
export function d4cPackage(h: PackageHit): Record<string, unknown> {
  const dict = packageDict(h);
  const { metas } = h.dataset;
  const modified = typeof metas.modified === 'string' && !Number.isNaN(Date.parse(metas.modified)) ? metas.modified : h.dataset.store.updated_at;
  return {
    ...dict,
    resources: (dict.resources as Array<Record<string, unknown>>).map(({ url: _url, ...rest }) => rest),
    metas: { records_count: typeof metas.records_count === 'number' ? metas.records_count : 0, features: h.features, custom_view: null },
    metadata_imported: dict.metadata_modified,
    dataset_modification_date: PARIS_MINUTE.format(new Date(modified)),
  };
}
