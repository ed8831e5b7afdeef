import type request from 'supertest';

/** A supertest request whose body is read as the exact text sent, whatever its type (in `res.body`). */
export const asText = (r: request.Test): request.Test => r.buffer(true).parse((res, cb) => { let s = ''; res.on('data', (c: Buffer) => { s += c.toString(); }); res.on('end', () => cb(null, s)); });
