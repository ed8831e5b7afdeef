import type { Access } from '../auth/access';
import { AppError } from '../errors/catalogue';
import type { Deps } from '../execute/deps';
import { getRecord } from '../execute/getRecord';
import type { DatasetTarget } from '../model/dataset';
import type { RecordLookupRequest } from '../model/recordsRequest';
import type { RecordHit } from '../model/searchResult';
import { resolveDataset } from './resolveDataset';

/** One record of a dataset the caller may read, by its record id; the 404 names the record. */
export async function runRecordLookup(deps: Deps, access: Access, req: RecordLookupRequest): Promise<{ target: DatasetTarget; hit: RecordHit }> {
  const target = await resolveDataset(deps, access, req.dataset);
  const hit = await getRecord(deps, target.index, req.recordid);
  if (!hit) throw new AppError('not_found', `Unknown record: ${req.recordid}`);
  return { target, hit };
}
