import type { Express } from 'express';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { FIXTURES, rawCsvRows } from './rawFixtures';

export const M = '/api/management/v1';

/** The lieux-de-tournage fixture file, its row count read from the raw file, and its descriptor without a source under another id. */
export const LIEUX = join(FIXTURES, 'data', 'lieux-de-tournage-a-paris.csv');
export const LIEUX_ROWS = rawCsvRows('lieux-de-tournage-a-paris.csv').length - 1;
export const lieuxDescriptor = (id: string): string => {
  const d = JSON.parse(readFileSync(join(FIXTURES, 'descriptors', 'lieux-de-tournage-a-paris.json'), 'utf8')) as Record<string, unknown>;
  delete d.source;
  return JSON.stringify({ ...d, id });
};

/** A job as the management API answers it (the fields the tests read). */
export interface JobBody { id: number; dataset_id: string; status: string; phase: string | null; rows_read: number; rows_published: number; rows_indexed: number; rows_warned: number; error: string | null; warnings: Array<{ position: number; field?: string; message: string }> }

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls a job until it ends (COMPLETED, FAILED or CANCELLED); the test's own timeout bounds the wait. */
export async function jobEnd(app: Express, key: string, id: number): Promise<JobBody> {
  for (;;) {
    const res = await request(app).get(`${M}/jobs/${id}`).set('Authorization', `Apikey ${key}`);
    if (res.status !== 200) throw new Error(`GET job ${id}: ${res.status} ${res.text}`);
    const job = res.body as JobBody;
    if (['COMPLETED', 'FAILED', 'CANCELLED'].includes(job.status)) return job;
    await sleep(100);
  }
}

/** Uploads a file as a new dataset (multipart, like curl -F) and returns the answer. */
export function upload(app: Express, key: string, path: string, fields: Record<string, string> = {}, route = `${M}/datasets`): request.Test {
  let req = request(app).post(route).set('Authorization', `Apikey ${key}`);
  for (const [name, value] of Object.entries(fields)) req = req.field(name, value);
  return req.attach('file', path);
}

/** Uploads and waits for the publish job to end. */
export async function uploadAndWait(app: Express, key: string, path: string, fields: Record<string, string> = {}, route?: string): Promise<JobBody> {
  const res = await upload(app, key, path, fields, route);
  if (res.status !== 202) throw new Error(`upload ${path}: ${res.status} ${res.text}`);
  return jobEnd(app, key, (res.body as JobBody).id);
}
