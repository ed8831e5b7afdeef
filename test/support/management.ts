import type { Express } from 'express';
import request from 'supertest';

export const M = '/api/management/v1';

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
