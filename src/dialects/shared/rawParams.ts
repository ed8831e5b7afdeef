import { AppError } from '../../errors/catalogue';

/** Request parameters as sent: each name with its values in order (query string, then body). */
export type RawParams = ReadonlyMap<string, readonly string[]>;

/** Most parameters one request may carry; beyond, 400 rather than silently dropping filters. */
export const MAX_PARAMETERS = 1000;

/** C0 controls other than tab, line feed and carriage return, and DEL, have no business in a parameter. */
function hasControl(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 127) return true;
  }
  return false;
}

function checkName(name: string): void {
  if (/[[\]]/.test(name)) throw new AppError('bad_parameter', `Parameter ${name.slice(0, 100)} is object-shaped; parameters are plain strings.`, { parameter: name.slice(0, 100) });
}

function checkValue(name: string, value: string): void {
  if (hasControl(value)) throw new AppError('bad_parameter', `Parameter ${name} contains a control character.`, { parameter: name });
}

function add(out: Map<string, string[]>, name: string, value: string): void {
  checkName(name);
  checkValue(name, value);
  const list = out.get(name);
  if (list) list.push(value);
  else out.set(name, [value]);
}

function decode(text: string, what: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    throw new AppError('bad_parameter', `Malformed percent-encoding in ${what.slice(0, 100)}.`);
  }
}

/** The raw query string (after `?`), decoded strictly: bad percent-encoding, object-shaped names and too many parameters are 400s. */
export function readQueryString(query: string, out = new Map<string, string[]>()): Map<string, string[]> {
  if (query === '') return out;
  const pieces = query.split('&').filter((p) => p !== '');
  if (pieces.length > MAX_PARAMETERS) throw new AppError('bad_parameter', `Too many parameters (at most ${MAX_PARAMETERS}).`);
  for (const piece of pieces) {
    const eq = piece.indexOf('=');
    const name = decode(eq < 0 ? piece : piece.slice(0, eq), piece);
    add(out, name, eq < 0 ? '' : decode(piece.slice(eq + 1), name));
  }
  return out;
}

/** Deepest nesting of objects and lists a JSON body may have (CKAN's `{"filters": {"f": [1]}}` has 3). */
export const MAX_BODY_NESTING = 20;

/** How deeply objects and lists nest in a parsed body, counted level by level (no recursion), stopping past `limit`. */
function nesting(value: unknown, limit: number): number {
  let level: unknown[] = [value];
  for (let depth = 0; ; depth++) {
    const containers = level.filter((v): v is object => v !== null && typeof v === 'object');
    if (containers.length === 0 || depth > limit) return depth;
    level = containers.flatMap((c) => Object.values(c));
  }
}

/**
 * A parsed POST body (form or JSON object) added to the parameters. A body nested deeper than
 * MAX_BODY_NESTING is refused before anything walks it. Nested objects are refused,
 * except for the parameters named in `jsonObjects` (CKAN's `filters` and `q`), kept as JSON text.
 */
export function readBody(body: unknown, out: Map<string, string[]>, jsonObjects: ReadonlySet<string> = new Set(), jsonLists: ReadonlySet<string> = new Set()): Map<string, string[]> {
  if (body === undefined || body === null) return out;
  if (typeof body !== 'object' || Array.isArray(body)) throw new AppError('bad_body', 'The request body must be a form or a JSON object of parameters.');
  if (nesting(body, MAX_BODY_NESTING) > MAX_BODY_NESTING) throw new AppError('bad_body', `The JSON body nests objects and lists deeper than ${MAX_BODY_NESTING} levels.`);
  for (const [name, value] of Object.entries(body as Record<string, unknown>)) {
    if (jsonObjects.has(name) && value !== null && typeof value === 'object' && !Array.isArray(value)) { add(out, name, JSON.stringify(value)); continue; }
    if (jsonLists.has(name) && Array.isArray(value)) { add(out, name, JSON.stringify(value)); continue; }
    const values = Array.isArray(value) ? value : [value];
    for (const v of values) {
      if (typeof v === 'string') add(out, name, v);
      else if (typeof v === 'number' || typeof v === 'boolean') add(out, name, String(v));
      else throw new AppError('bad_parameter', `Parameter ${name.slice(0, 100)} must be a string, a number or a list of them.`, { parameter: name.slice(0, 100) });
    }
  }
  const count = [...out.values()].reduce((n, l) => n + l.length, 0);
  if (count > MAX_PARAMETERS) throw new AppError('bad_parameter', `Too many parameters (at most ${MAX_PARAMETERS}).`);
  return out;
}
