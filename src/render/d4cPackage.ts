import { catalogFeatures } from '../catalog/catalogDocument';
import { effectiveMetadata } from '../catalog/effectiveMetadata';
import type { DatasetRow } from '../execute/datasetStore';
import { packageDict } from './packageDict';

const PARIS_MINUTE = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/**
 * A package dict as data4citizen's `/api/datasets/2.0/…` returns it (reference/ckan-d4c.md B4–B5):
 * resources without `url`, `metas` (records_count, features, custom_view), `metadata_imported`
 * and `dataset_modification_date` (the metadata's `modified`, else the last update, in Paris time).
 */
export function d4cPackage(d: DatasetRow): Record<string, unknown> {
  const dict = packageDict(d);
  const metas = effectiveMetadata(d);
  const modified = metas.modified;
  const when = typeof modified === 'string' && !Number.isNaN(Date.parse(modified)) ? new Date(modified) : d.updatedAt;
  return {
    ...dict,
    resources: (dict.resources as Array<Record<string, unknown>>).map(({ url: _url, ...rest }) => rest),
    metas: { records_count: typeof metas.records_count === 'number' ? metas.records_count : 0, features: catalogFeatures(d), custom_view: null },
    metadata_imported: dict.metadata_modified,
    dataset_modification_date: PARIS_MINUTE.format(when),
  };
}
