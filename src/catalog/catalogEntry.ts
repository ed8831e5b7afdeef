import { z } from 'zod';
import { annotationSchema, DATASET_ID, FIELD_TYPES, FieldDef } from '../model/descriptor';

/** One entry of an ODS Explore v2.1 catalog export (only what we read; the rest is kept as is). */
const entrySchema = z.object({
  dataset_id: z.string().regex(DATASET_ID),
  has_records: z.boolean().optional(),
  features: z.array(z.string()).optional(),
  // Entries without records export `fields` as an empty object.
  fields: z.union([z.record(z.string(), z.never()).transform(() => []), z.array(z.object({
    name: z.string(),
    label: z.string().nullish(),
    type: z.string(),
    description: z.string().nullish(),
    annotations: z.record(z.string(), z.unknown()).nullish(),
  }))]).default([]),
  metas: z.object({ default: z.record(z.string(), z.unknown()).and(z.object({ title: z.string() })) }).catchall(z.unknown()),
}).passthrough();

export interface CatalogEntry {
  id: string;
  title: string;
  fields: FieldDef[];
  /** The v1 view of the entry: flat `metas` (from metas.default), `dcat`, `features`, `has_records`. */
  extra: Record<string, unknown>;
}

const KNOWN_ANNOTATIONS = new Set<string>(annotationSchema.shape.name.options);
const KNOWN_TYPES = new Set<string>(FIELD_TYPES);

function annotationsOf(raw: Record<string, unknown> | null | undefined): FieldDef['annotations'] {
  return Object.entries(raw ?? {})
    .filter(([name]) => KNOWN_ANNOTATIONS.has(name))
    .map(([name, args]) => {
      const list = Array.isArray(args) ? args.filter((a): a is string => typeof a === 'string') : [];
      return { name: name as FieldDef['annotations'][number]['name'], ...(list.length > 0 ? { args: list } : {}) };
    });
}

/** Reads one catalog entry; null values in metas are dropped (ODS v1 omits them). */
export function parseCatalogEntry(raw: unknown, index = 0): CatalogEntry {
  const parsed = entrySchema.safeParse(raw);
  if (!parsed.success) {
    throw new Error(`catalog entry ${index + 1}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  const e = parsed.data;
  const metas = Object.fromEntries(Object.entries(e.metas.default).filter(([, v]) => v !== null));
  const dcat = Object.fromEntries(Object.entries((e.metas.dcat as Record<string, unknown> | undefined) ?? {}).filter(([, v]) => v !== null));
  const fields: FieldDef[] = e.fields
    .filter((f) => /^[a-z_][a-z0-9_]{0,63}$/.test(f.name) && KNOWN_TYPES.has(f.type))
    .map((f) => ({
      name: f.name, label: f.label ?? f.name, type: f.type as FieldDef['type'],
      ...(f.description ? { description: f.description } : {}),
      annotations: annotationsOf(f.annotations), source: { column: f.name },
    }));
  return { id: e.dataset_id, title: e.metas.default.title, fields, extra: { metas, dcat, features: e.features ?? [], has_records: e.has_records ?? false } };
}
