import { Router } from 'express';
import { z } from 'zod';
import { KEY_ROLES } from '../../auth/roles';
import { AppError } from '../../errors/catalogue';
import { createApiKey, listApiKeys, revokeApiKey } from '../../execute/apiKeyStore';
import { domainExists, upsertDomain } from '../../execute/datasetStore';
import type { Deps } from '../../execute/deps';
import { listDomains } from '../../execute/domainStore';
import { administrator } from './managementKey';
import { MANAGEMENT_PREFIX } from './managementPaths';

const keyBody = z.strictObject({ domain: z.string().min(1).max(63), role: z.enum(KEY_ROLES).default('read'), label: z.string().max(200).default('') });
const domainBody = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'lower-case letters, digits and -, at most 63'),
  title: z.string().min(1).max(200).optional(), include_public: z.boolean().default(false),
});

function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  const parsed = schema.safeParse(body ?? {});
  if (parsed.success) return parsed.data;
  throw new AppError('unprocessable', 'The request body cannot be used.', {
    problems: parsed.error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}${i.code === 'unrecognized_keys' ? ` (${i.keys.join(', ')})` : ''}`),
  });
}

/** Domains and keys: admin keys only. A new key is shown once, in the answer that creates it. */
export function adminRoutes(deps: Deps): Router {
  const router = Router();
  router.get(`${MANAGEMENT_PREFIX}/domains`, async (req, res) => {
    administrator(req);
    res.json({ domains: (await listDomains(deps.pool)).map((d) => ({ id: d.id, title: d.title, include_public: d.includePublic, datasets: d.datasets })) });
  });
  router.post(`${MANAGEMENT_PREFIX}/domains`, async (req, res) => {
    administrator(req);
    const body = parseBody(domainBody, req.body);
    await upsertDomain(deps.pool, { id: body.id, title: body.title ?? body.id, includePublic: body.include_public });
    res.status(201).json({ id: body.id, title: body.title ?? body.id, include_public: body.include_public });
  });
  router.get(`${MANAGEMENT_PREFIX}/keys`, async (req, res) => {
    administrator(req);
    const keys = await listApiKeys(deps.pool);
    res.json({ keys: keys.map((k) => ({ id: k.id, domain: k.domain, role: k.role, label: k.label, created_at: k.createdAt.toISOString(), revoked_at: k.revokedAt?.toISOString() ?? null })) });
  });
  router.post(`${MANAGEMENT_PREFIX}/keys`, async (req, res) => {
    administrator(req);
    const body = parseBody(keyBody, req.body);
    if (!(await domainExists(deps.pool, body.domain))) throw new AppError('unprocessable', `No domain ${body.domain}.`, { parameter: 'domain' });
    const { id, key } = await createApiKey(deps.pool, body.domain, body.label, body.role);
    res.status(201).json({ id, domain: body.domain, role: body.role, label: body.label, key });
  });
  router.delete(`${MANAGEMENT_PREFIX}/keys/:id`, async (req, res) => {
    administrator(req);
    const id = /^\d{1,15}$/.test(req.params.id) ? Number(req.params.id) : NaN;
    if (Number.isNaN(id) || !(await revokeApiKey(deps.pool, id))) throw new AppError('not_found', `No live key ${req.params.id.slice(0, 30)}.`);
    res.status(204).end();
  });
  return router;
}
