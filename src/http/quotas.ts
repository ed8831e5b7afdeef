import type { RequestHandler } from 'express';
import type { QuotaCaller } from '../auth/quotaWindows';
import { apiKeyOf } from '../dialects/shared/routeAccess';
import { domainOfPath } from '../dialects/shared/routeDomain';
import type { QuotaGate } from '../usecases/quotaGate';
import type { Metrics } from '../execute/metrics';

/**
 * Counts each call against its domain's quota, per API key or, for anonymous callers, per address
 * (`req.ip`: see TRUST_PROXY), and sets `X-RateLimit-Limit`, `-Remaining` and `-Reset` (the UTC
 * day's quota). A spent quota is a 429 in the route's dialect, with `Retry-After`.
 */
export function quotas(gate: QuotaGate, clock: () => number, metrics?: Metrics): RequestHandler {
  return async (req, res, next) => {
    const key = apiKeyOf(req);
    const caller: QuotaCaller = key !== undefined ? { kind: 'key', keyId: key.id } : { kind: 'anonymous', address: req.ip ?? req.socket.remoteAddress ?? 'unknown' };
    const verdict = await gate.charge(domainOfPath(req.path), caller, clock());
    res.set(verdict.headers);
    if (verdict.refusal !== undefined) {
      metrics?.quotaRefusals.inc({ limit: verdict.refusal.details.quota?.limitTimeUnit ?? 'day' });
      throw verdict.refusal;
    }
    next();
  };
}
