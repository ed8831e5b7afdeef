import type { Express } from 'express';
import request from 'supertest';

/** GETs `path` from `app` and gives the body exactly as sent, as UTF-8 text, whatever its type; the answer must be a 200. */
export async function sentText(app: Express, path: string): Promise<string> {
  const res = await request(app).get(path).buffer(true).parse((r, done) => {
    const chunks: Buffer[] = [];
    r.on('data', (c: Buffer) => chunks.push(c));
    r.on('end', () => done(null, Buffer.concat(chunks).toString('utf8')));
  });
  expect(res.status).toBe(200);
  return res.body as string;
}
