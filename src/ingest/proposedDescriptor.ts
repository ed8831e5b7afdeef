import { basename } from 'node:path';
import type { z } from 'zod';
import type { Descriptor, descriptorSchema, FieldDef, SourceFormat } from '../model/descriptor';
import { fold } from '../text/fold';

/** A descriptor as it is written in a file (the input of parseDescriptor). */
export type DescriptorJson = z.input<typeof descriptorSchema>;

/** What a preview starts from: a source, and whatever else of a descriptor is known already. */
export type DescriptorDraft = Partial<Omit<Descriptor, 'source'>> & { source: NonNullable<Descriptor['source']> };

const stem = (path: string): string => basename(path).replace(/(\.(csv|txt|tsv|geojson|json|ndjson|jsonl))?(\.gz)?$/i, '');

/** A dataset id from a file name: "Lieux de tournage.csv" → "lieux-de-tournage". */
export function idFromPath(path: string): string {
  const id = fold(stem(path)).replace(/[^a-z0-9_]+/g, '-').replace(/^[-_]+|[-_]+$/g, '').slice(0, 100);
  return id === '' ? 'dataset' : id;
}

/** A title from a file name, until someone writes a better one: its name without the extension. */
export const titleFromPath = (path: string): string => stem(path) || basename(path);

/** One field as a descriptor writes it (type and source made explicit, so that publishing re-infers nothing). */
function fieldJson(field: FieldDef): NonNullable<DescriptorJson['fields']>[number] {
  // A schema resolved from a file has no rule-made field; the rules add theirs at publish time.
  if ('derived' in field.source) throw new Error(`field ${field.name} is made by the rule ${field.source.derived}, not read from the file`);
  return {
    name: field.name, label: field.label, type: field.type,
    ...(field.description !== undefined ? { description: field.description } : {}),
    annotations: field.annotations, source: field.source as Exclude<FieldDef['source'], { derived: string }>,
  };
}

/**
 * The descriptor a preview proposes: the draft's id and metadata (else ones made from the file
 * name), its source with the format the file was read as, and the resolved schema as fields.
 */
export function proposedDescriptor(draft: DescriptorDraft, schema: readonly FieldDef[], format: SourceFormat): DescriptorJson {
  const { source } = draft;
  return {
    id: draft.id ?? idFromPath(source.path),
    ...(draft.domain !== undefined ? { domain: draft.domain } : {}),
    ...(draft.visibility !== undefined ? { visibility: draft.visibility } : {}),
    ...(draft.state !== undefined ? { state: draft.state } : {}),
    metadata: draft.metadata ?? { title: titleFromPath(source.path) },
    source: {
      path: source.path, format,
      ...(source.delimiter !== undefined ? { delimiter: source.delimiter } : {}),
      ...(source.encoding !== undefined ? { encoding: source.encoding } : {}),
    },
    fields: schema.map(fieldJson),
    ...(draft.maxWarningShare !== undefined ? { maxWarningShare: draft.maxWarningShare } : {}),
  };
}
