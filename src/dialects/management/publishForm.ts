import { AppError } from '../../errors/catalogue';
import { checkDescriptor } from '../../catalog/parseDescriptor';
import type { Descriptor } from '../../model/descriptor';
import type { JobRequest } from '../../model/job';

/** The text fields an upload form may carry beside its file. */
const SOURCE_OPTIONS = ['format', 'delimiter', 'encoding', 'layer', 'crs', 'sheet'] as const;
const FORM_FIELDS = new Set(['descriptor', 'id', 'title', 'domain', 'visibility', 'state', 'max_warning_share', 'take_over', ...SOURCE_OPTIONS]);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The `descriptor` field as an object (400 when it is not JSON or not an object). */
function descriptorField(text: string | undefined): Record<string, unknown> | undefined {
  if (text === undefined) return undefined;
  let value: unknown;
  try { value = JSON.parse(text); } catch (err) {
    throw new AppError('bad_parameter', `The descriptor field is not JSON: ${(err as Error).message}`, { parameter: 'descriptor' });
  }
  if (!isObject(value)) throw new AppError('bad_parameter', 'The descriptor field must be a JSON object.', { parameter: 'descriptor' });
  return value;
}

function share(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const m = /^(\d+(?:\.\d+)?)(%?)$/.exec(text.trim());
  const value = m ? (m[2] ? Number(m[1]) / 100 : Number(m[1])) : NaN;
  if (!(value >= 0 && value <= 1)) throw new AppError('bad_parameter', `max_warning_share is a share from 0 to 1 (0.05) or a percentage (5%), not ${text.slice(0, 50)}.`, { parameter: 'max_warning_share' });
  return value;
}

function flag(name: string, text: string | undefined): boolean {
  if (text === undefined || text === 'false') return false;
  if (text === 'true') return true;
  throw new AppError('bad_parameter', `${name} is true or false.`, { parameter: name });
}

/** What a publish form asks, before its file is kept: the descriptor (without its source path yet) and the options. */
export interface PublishForm {
  /** The descriptor as JSON, to be completed with the source path and then checked. */
  draft: Record<string, unknown>;
  /** Source options given in the form (format, delimiter, …). */
  sourceOptions: Record<string, string>;
  options: Pick<JobRequest, 'maxWarningShare' | 'takeOver'>;
}

/**
 * Reads a publish form's fields over `base` (the stored descriptor of a dataset being published
 * again, or nothing): a `descriptor` field replaces it, and `id`, `title`, `domain`, `visibility`
 * and `state` fill in or override. An unknown field is a 400 that names it.
 */
export function readPublishForm(fields: Record<string, string>, base: Record<string, unknown> | undefined, keyDomain: string): PublishForm {
  const unknown = Object.keys(fields).filter((f) => !FORM_FIELDS.has(f));
  if (unknown.length > 0) {
    throw new AppError('bad_parameter', `Unknown form field ${unknown[0]}; the form takes file and ${[...FORM_FIELDS].join(', ')}.`, { parameter: unknown[0] });
  }
  const draft: Record<string, unknown> = { ...(descriptorField(fields.descriptor) ?? base ?? {}) };
  if (fields.id !== undefined) draft.id = fields.id;
  draft.domain = fields.domain ?? draft.domain ?? keyDomain;
  const metadata = isObject(draft.metadata) ? { ...draft.metadata } : {};
  if (fields.title !== undefined) metadata.title = fields.title;
  metadata.title ??= draft.id;
  draft.metadata = metadata;
  if (fields.visibility !== undefined) draft.visibility = fields.visibility;
  if (fields.state !== undefined) draft.state = fields.state;
  const sourceOptions: Record<string, string> = {};
  for (const o of SOURCE_OPTIONS) if (fields[o] !== undefined) sourceOptions[o] = fields[o];
  return { draft, sourceOptions, options: { maxWarningShare: share(fields.max_warning_share), takeOver: flag('take_over', fields.take_over) } };
}

/** The complete descriptor, its source at `path`: every problem is a 422 that lists them. */
export function completeDescriptor(form: PublishForm, source: Record<string, unknown>): Descriptor {
  const checked = checkDescriptor({ ...form.draft, source });
  if ('problems' in checked) throw new AppError('unprocessable', 'The descriptor cannot be used.', { problems: checked.problems });
  return checked.descriptor;
}
