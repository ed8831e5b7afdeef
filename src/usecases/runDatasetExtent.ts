import type { Access } from '../auth/access';
import { compileExtent } from '../compile/compileExtent';
import type { Deps } from '../execute/deps';
import { searchIndex } from '../execute/searchIndex';
import type { DatasetExtent } from '../model/geo';
import { isGeo } from '../model/querySchema';
import type { DatasetRef } from '../model/recordsRequest';
import { temporalField } from '../plan/planDatetime';
import { recordPaths } from '../schema/recordPaths';
import { readExtent } from '../results/readExtent';
import { resolveDataset } from './resolveDataset';

/** A dataset the caller may read, with the extent of its records (none for a dataset without a geographic field). */
export async function runDatasetExtent(deps: Deps, access: Access, ref: DatasetRef): Promise<DatasetExtent> {
  const target = await resolveDataset(deps, access, ref);
  const geo = target.schema.find((f) => isGeo(f.type));
  if (!geo) return {};
  const time = temporalField(target.schema);
  return readExtent(await searchIndex(deps, compileExtent(target.index, recordPaths.value(geo.name), time ? recordPaths.value(time.name) : undefined)));
}
