import { Router } from 'express';
import { z } from 'zod';
import { AppError } from '../../errors/catalogue';
import type { Deps } from '../../execute/deps';
import { listRules, replaceRules } from '../../execute/ruleStore';
import type { DatasetRow } from '../../model/dataset';
import { Rule, ruleSchema } from '../../model/rule';
import { listCapabilities } from '../../processors/listCapabilities';
import { validateRules } from '../../processors/validateRules';
import { managedDataset } from './datasetRoutes';
import { keyHolderOf } from './managementKey';
import { MANAGEMENT_PREFIX } from './managementPaths';

/** A rule as a client may send it: without a name, it is named after its capability and place (`buffer_1`). */
const incomingRule = z.strictObject({ name: z.string().optional(), capability: z.string(), config: z.unknown().optional() });
const rulesBody = z.strictObject({ rules: z.array(incomingRule).max(50) });

const problemsOf = (error: z.ZodError): string[] => error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`);

/** The rules of a body, named and shaped (422 listing every problem otherwise). */
export function readRules(body: unknown): Rule[] {
  const parsed = rulesBody.safeParse(body ?? {});
  if (!parsed.success) throw new AppError('unprocessable', 'The rules cannot be read.', { problems: problemsOf(parsed.error) });
  const named = parsed.data.rules.map((r, i) => ({ name: r.name ?? `${r.capability}_${i + 1}`, capability: r.capability, config: r.config ?? {} }));
  const checked = z.array(ruleSchema).safeParse(named);
  if (!checked.success) throw new AppError('unprocessable', 'The rules cannot be read.', { problems: problemsOf(checked.error).map((p) => `rules.${p}`) });
  const names = new Set<string>();
  for (const r of checked.data) {
    if (names.has(r.name)) throw new AppError('unprocessable', `Two rules are named ${r.name}.`, { problems: [`rules: duplicate name ${r.name}`] });
    names.add(r.name);
  }
  return checked.data;
}

/** The fields a dataset's rules are checked against: its schema as read from its file (without the rules' own fields). */
const fileFields = (row: DatasetRow) => row.fields.filter((f) => !('derived' in f.source));

/** Every rule valid, or a 422 with each rule's report. */
export function requireValid(rules: readonly Rule[], row: DatasetRow): void {
  const reports = validateRules(rules, fileFields(row));
  const bad = reports.filter((r) => !r.valid);
  if (bad.length > 0) throw new AppError('unprocessable', 'Some rules do not fit this dataset.', { problems: bad.flatMap((r) => r.errors.map((e) => `rule ${r.name} (${r.capability}): ${e}`)) });
}

/**
 * Capabilities and rules: the processors with their config schemas, each dataset's ordered rules
 * (full CRUD; they run at its next publish), and `validate`, a dry run that says for each rule
 * whether it fits the dataset without running anything.
 */
export function ruleRoutes(deps: Deps): Router {
  const router = Router();
  const base = `${MANAGEMENT_PREFIX}/datasets/:id/rules`;
  router.get(`${MANAGEMENT_PREFIX}/capabilities`, (req, res) => {
    keyHolderOf(req);
    res.json({ capabilities: listCapabilities() });
  });
  router.get(base, async (req, res) => {
    const row = await managedDataset(deps, req, req.params.id);
    res.json({ rules: await listRules(deps.pool, row.id) });
  });
  router.put(base, async (req, res) => {
    const row = await managedDataset(deps, req, req.params.id);
    const rules = readRules(req.body);
    requireValid(rules, row);
    await replaceRules(deps.pool, row.id, rules);
    res.json({ rules });
  });
  router.post(`${base}/validate`, async (req, res) => {
    const row = await managedDataset(deps, req, req.params.id);
    const rules = req.body !== undefined && Object.keys(req.body as object).length > 0 ? readRules(req.body) : await listRules(deps.pool, row.id);
    const reports = validateRules(rules, fileFields(row));
    res.json({ valid: reports.every((r) => r.valid), rules: reports });
  });
  router.post(base, async (req, res) => {
    const row = await managedDataset(deps, req, req.params.id);
    const stored = await listRules(deps.pool, row.id);
    const body = (req.body ?? {}) as { name?: unknown; capability?: unknown };
    const [rule] = readRules({ rules: [{ ...body, name: body.name ?? `${String(body.capability)}_${stored.length + 1}` }] });
    if (stored.some((r) => r.name === rule.name)) throw new AppError('conflict', `${row.id} has a rule named ${rule.name} already (PUT ${base.replace(':id', row.id)}/${rule.name} changes it).`);
    const rules = [...stored, rule];
    requireValid(rules, row);
    await replaceRules(deps.pool, row.id, rules);
    res.status(201).json(rule);
  });
  router.get(`${base}/:name`, async (req, res) => {
    const row = await managedDataset(deps, req, req.params.id);
    const rule = (await listRules(deps.pool, row.id)).find((r) => r.name === req.params.name);
    if (!rule) throw new AppError('not_found', `${row.id} has no rule ${req.params.name.slice(0, 64)}.`);
    res.json(rule);
  });
  router.put(`${base}/:name`, async (req, res) => {
    const row = await managedDataset(deps, req, req.params.id);
    const stored = await listRules(deps.pool, row.id);
    const [rule] = readRules({ rules: [{ ...(req.body as object), name: req.params.name }] });
    const at = stored.findIndex((r) => r.name === rule.name);
    const rules = at < 0 ? [...stored, rule] : stored.map((r, i) => (i === at ? rule : r));
    requireValid(rules, row);
    await replaceRules(deps.pool, row.id, rules);
    res.status(at < 0 ? 201 : 200).json(rule);
  });
  router.delete(`${base}/:name`, async (req, res) => {
    const row = await managedDataset(deps, req, req.params.id);
    const stored = await listRules(deps.pool, row.id);
    if (!stored.some((r) => r.name === req.params.name)) throw new AppError('not_found', `${row.id} has no rule ${req.params.name.slice(0, 64)}.`);
    // The rules after it may read a field it adds: they must still fit without it.
    const rules = stored.filter((r) => r.name !== req.params.name);
    requireValid(rules, row);
    await replaceRules(deps.pool, row.id, rules);
    res.status(204).end();
  });
  return router;
}
