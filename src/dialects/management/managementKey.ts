import type { Request } from 'express';
import { KeyHolder, refuseAdministration, refuseDatasetManagement } from '../../auth/roles';
import { AppError } from '../../errors/catalogue';
import { apiKeyOf } from '../shared/routeAccess';
import type { FieldCheck } from './receiveUpload';

/** The key of a management call: every call needs one (401 without). */
export function keyHolderOf(req: Request): KeyHolder {
  const key = apiKeyOf(req);
  if (key === undefined) throw new AppError('unauthorized', 'The management API needs an API key: send "Authorization: Apikey <key>".', { parameter: 'apikey' });
  return key;
}

/** The key, when it may manage the datasets of `domain` (403 otherwise). */
export function datasetManager(req: Request, domain: string): KeyHolder {
  const key = keyHolderOf(req);
  const refusal = refuseDatasetManagement(key, domain);
  if (refusal !== undefined) throw new AppError('forbidden', refusal);
  return key;
}

/** The key, when it may manage domains and keys (403 otherwise). */
export function administrator(req: Request): KeyHolder {
  const key = keyHolderOf(req);
  const refusal = refuseAdministration(key);
  if (refusal !== undefined) throw new AppError('forbidden', refusal);
  return key;
}

/** The domain a listing shows to this key: its own, or all (undefined) for an admin; a read key is refused. */
export function managedScope(req: Request): string | undefined {
  const key = keyHolderOf(req);
  if (key.role === 'admin') return undefined;
  datasetManager(req, key.domain);
  return key.domain;
}

/**
 * Refuses an upload as soon as its `domain` field names a domain the key may not manage, so that
 * a form sending that field before its file gets its 403 before the file is read.
 */
export const domainFieldCheck = (req: Request): FieldCheck => (name, value) => {
  if (name !== 'domain') return undefined;
  const refusal = refuseDatasetManagement(keyHolderOf(req), value);
  return refusal === undefined ? undefined : new AppError('forbidden', refusal, { parameter: 'domain' });
};
