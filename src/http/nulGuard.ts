import type { RequestHandler } from 'express';
import { AppError } from '../errors/catalogue';

/** A percent-encoded C0 control or DEL in a path: what no dataset id, job id or collection name holds. */
const ENCODED_CONTROL = /%(?:[01][0-9a-f]|7f)/i;

/** A place in a body: its value, and the key or index that leads there from its parent. */
interface Place { value: unknown; step: string | number | null; parent: Place | null }

/** The path of a place (`metadata.keyword[1]`), built only once a NUL is found. */
function pathOf(place: Place): string {
  const steps: Array<string | number> = [];
  for (let p: Place | null = place; p !== null && p.step !== null; p = p.parent) steps.push(p.step);
  return steps.reverse().map((s, i) => (typeof s === 'number' ? `[${s}]` : `${i > 0 ? '.' : ''}${s.replaceAll('\u0000', '\\u0000')}`)).join('');
}

/**
 * Where in a parsed JSON body the first NUL character (U+0000) is, in a text or a key's name;
 * null when none. Walked with a stack of its own and paths made only for the answer: a body may
 * nest thousands of levels before the routes refuse its depth.
 */
function nulPath(body: unknown): string | null {
  const stack: Place[] = [{ value: body, step: null, parent: null }];
  for (let place = stack.pop(); place !== undefined; place = stack.pop()) {
    const { value } = place;
    if (typeof value === 'string') {
      if (value.includes('\u0000')) return pathOf(place);
    } else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], step: i, parent: place });
    } else if (value !== null && typeof value === 'object') {
      const entries = Object.entries(value);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, item] = entries[i];
        const child = { value: item, step: key, parent: place };
        if (key.includes('\u0000')) return pathOf(child);
        stack.push(child);
      }
    }
  }
  return null;
}

/**
 * Two things no route can use and PostgreSQL cannot store, refused before any route sees them
 * (400, naming where): a control character percent-encoded in the path (`/datasets/a%00b`),
 * and a NUL character anywhere in a JSON body (a key's label, a domain's title, metadata).
 * Query and form parameters are checked where they are read (rawParams).
 */
export const nulGuard: RequestHandler = (req, _res, next) => {
  if (ENCODED_CONTROL.test(req.path)) {
    next(new AppError('bad_parameter', 'The path contains a control character.'));
    return;
  }
  if (req.is('application/json') && req.body !== undefined) {
    const at = nulPath(req.body);
    if (at !== null) {
      const where = at.slice(0, 200);
      next(new AppError('bad_parameter', `The JSON body holds a NUL character (U+0000)${where ? ` at ${where}` : ''}; no parameter or stored text may hold one.`, where ? { parameter: where } : {}));
      return;
    }
  }
  next();
};
