import type { RequestHandler } from 'express';
import { AppError } from '../errors/catalogue';
import { JsonPath, nulPlaces } from '../text/nulPlaces';

/** A percent-encoded C0 control or DEL in a path: what no dataset id, job id or collection name holds. */
const ENCODED_CONTROL = /%(?:[01][0-9a-f]|7f)/i;

/** A path as the error names it: `metadata.keyword[1]`. */
const shown = (path: JsonPath): string =>
  path.map((s, i) => (typeof s === 'number' ? `[${s}]` : `${i > 0 ? '.' : ''}${s.replaceAll('\u0000', '\\u0000')}`)).join('');

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
    const [at] = nulPlaces(req.body, 1);
    if (at !== undefined) {
      const where = shown(at).slice(0, 200);
      next(new AppError('bad_parameter', `The JSON body holds a NUL character (U+0000)${where ? ` at ${where}` : ''}; no parameter or stored text may hold one.`, where ? { parameter: where } : {}));
      return;
    }
  }
  next();
};
