import { Coerced, empty, invalid, isBlank, show, value } from './result';
import type { FileValue } from '../../model/values';

/** A file reference: a name or URL as text, or an object with at least `filename` or `id`. */
export function coerceFile(raw: unknown): Coerced<FileValue> {
  if (isBlank(raw)) return empty;
  if (typeof raw === 'string') return value({ filename: raw.trim() });
  if (typeof raw === 'object' && raw !== null && !Array.isArray(raw)) {
    const o = raw as Record<string, unknown>;
    const filename = typeof o.filename === 'string' ? o.filename : typeof o.id === 'string' ? o.id : undefined;
    if (filename) {
      const pick = (k: string): string | undefined => (typeof o[k] === 'string' ? (o[k] as string) : undefined);
      return value({ id: pick('id'), filename, mimetype: pick('mimetype'), url: pick('url') });
    }
  }
  return invalid(`not a file reference: ${show(raw)}`);
}
