/**
 * bench/upload: seconds from upload to searchable through the management API (multipart upload
 * streamed to disk, then the publish job: file → PostgreSQL → Elasticsearch) next to the CLI's
 * publish of the same file with the same descriptor, in one run; and the API's RSS: idle before the
 * uploads, then its peak in each phase of each file (the upload, then the job's reading into
 * PostgreSQL and its indexing into Elasticsearch, read from the job's phase as it is polled).
 *   npm run bench:upload            (BENCH_UPLOAD_ROWS: rows of the synthetic CSV, default 1,000,000;
 *                                    BENCH_UPLOAD_CLI=0 leaves out the CLI publish, for a memory-only run)
 */
import { createReadStream, createWriteStream, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseDescriptor } from '../src/catalog/parseDescriptor';
import { loadConfig } from '../src/config/config';
import { createApiKey } from '../src/execute/apiKeyStore';
import type { Deps } from '../src/execute/deps';
import { openDeps } from '../src/execute/openDeps';
import { publishDataset } from '../src/usecases/publishDataset';
import { peakRssMb, resetPeak, rssMb, startApi } from './harness';

const ROOT = join(__dirname, '..', '..');
const LIEUX = join(ROOT, 'fixtures', 'data', 'lieux-de-tournage-a-paris.csv');
const M = '/api/management/v1';

/** The lieux-de-tournage CSV grown to `rows` data lines (its own lines over and over). */
async function syntheticCsv(rows: number): Promise<string> {
  const [header, ...lines] = readFileSync(LIEUX, 'utf8').replace(/^\uFEFF/, '').trimEnd().split(/\r?\n/);
  const path = join(mkdtempSync(join(tmpdir(), 'bench-upload-')), `lieux-${rows}.csv`);
  async function* text(): AsyncGenerator<string> {
    yield `${header}\n`;
    for (let i = 0; i < rows; i += 1000) yield `${Array.from({ length: Math.min(1000, rows - i) }, (_, j) => lines[(i + j) % lines.length]).join('\n')}\n`;
  }
  await pipeline(Readable.from(text()), createWriteStream(path));
  return path;
}

/** POSTs a multipart form (fields, then the file streamed from disk) and returns the JSON answer. */
function postForm(port: number, key: string, fields: Record<string, string>, file: string): Promise<{ id: number }> {
  const boundary = `bench${Date.now()}`;
  const head = Object.entries(fields).map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`).join('')
    + `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.split('/').pop()}"\r\nContent-Type: text/csv\r\n\r\n`;
  const tail = `\r\n--${boundary}--\r\n`;
  const length = Buffer.byteLength(head) + statSync(file).size + Buffer.byteLength(tail);
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: 'POST', path: `${M}/datasets`, headers: {
      Authorization: `Apikey ${key}`, 'Content-Type': `multipart/form-data; boundary=${boundary}`, 'Content-Length': length,
    } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => (res.statusCode === 202 ? resolve(JSON.parse(Buffer.concat(chunks).toString()) as { id: number }) : reject(new Error(`${res.statusCode} ${Buffer.concat(chunks).toString()}`))));
    }).on('error', reject);
    req.write(head);
    const body = createReadStream(file);
    body.on('end', () => req.end(tail));
    body.pipe(req, { end: false });
  });
}

async function jobStatus(port: number, key: string, id: number): Promise<{ status: string; phase: string | null; error: string | null }> {
  const res = await fetch(`http://127.0.0.1:${port}${M}/jobs/${id}`, { headers: { Authorization: `Apikey ${key}` } });
  return (await res.json()) as { status: string; phase: string | null; error: string | null };
}

/** Peak RSS (MB) of the API per phase: each time the phase changes, the peak so far is the previous phase's. */
class PhasePeaks {
  readonly peaks = new Map<string, number>();
  readonly seconds = new Map<string, number>();
  private phase = 'upload';
  private since = performance.now();

  constructor(private readonly pid: number) { resetPeak(pid); }

  at(phase: string): void {
    if (phase === this.phase) return;
    this.close();
    this.phase = phase;
  }

  close(): void {
    this.peaks.set(this.phase, Math.max(this.peaks.get(this.phase) ?? 0, peakRssMb(this.pid) ?? Number.NaN));
    this.seconds.set(this.phase, (this.seconds.get(this.phase) ?? 0) + (performance.now() - this.since) / 1000);
    this.since = performance.now();
    resetPeak(this.pid);
  }

  /** "peak MB (seconds)" of a phase. */
  text(phase: string): string { return this.peaks.has(phase) ? `${this.peaks.get(phase)!.toFixed(0)} (${this.seconds.get(phase)!.toFixed(0)} s)` : '-'; }
}

/** Seconds the CLI's publish of the same file with the same descriptor takes. */
async function cliSeconds(deps: Deps, descriptor: Record<string, unknown>, id: string, file: string): Promise<number> {
  const t0 = process.hrtime.bigint();
  await publishDataset(deps, parseDescriptor({ ...descriptor, id, source: { path: file, format: 'csv' } }, id), { baseDir: '/' });
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

async function main(): Promise<void> {
  const withCli = process.env.BENCH_UPLOAD_CLI !== '0';
  const env = { ...process.env, ES_INDEX_PREFIX: process.env.ES_INDEX_PREFIX || 'bench-', UPLOAD_DIR: mkdtempSync(join(tmpdir(), 'bench-uploads-')),
    UPLOAD_MAX_BYTES: String(8 * 1024 ** 3), HTTP_REQUEST_TIMEOUT_MS: '3600000' };
  const config = loadConfig(env);
  const deps = await openDeps(config);
  const api = await startApi(env);
  const key = (await createApiKey(deps.pool, 'default', 'bench upload', 'write')).key;
  const descriptor = JSON.parse(readFileSync(join(ROOT, 'fixtures', 'descriptors', 'lieux-de-tournage-a-paris.json'), 'utf8')) as Record<string, unknown>;
  delete descriptor.source;
  const lines = ['file\trows\tMB\tupload→searchable s\tCLI ingest s\tratio (ours/CLI)\tAPI peak RSS MB\tupload MB (s)\treading MB (s)\tindexing MB (s)\tAPI idle RSS MB'];
  try {
    const files: Array<[string, number]> = [[LIEUX, 14_760]];
    const rows = Number(process.env.BENCH_UPLOAD_ROWS ?? 1_000_000);
    files.push([await syntheticCsv(rows), rows]);
    for (const [file, n] of files) {
      const id = `bench-upload-${n}`;
      await deps.pool.query('DELETE FROM datasets WHERE id = $1 OR id = $2', [id, `${id}-cli`]);
      const idle = rssMb(api.pid);
      const phases = new PhasePeaks(api.pid);
      const t0 = process.hrtime.bigint();
      const job = await postForm(api.port, key, { id, descriptor: JSON.stringify({ ...descriptor, id }) }, file);
      let end = await jobStatus(api.port, key, job.id);
      while (!['COMPLETED', 'FAILED', 'CANCELLED'].includes(end.status)) {
        phases.at(end.phase ?? 'reading');
        await new Promise((r) => setTimeout(r, 200));
        end = await jobStatus(api.port, key, job.id);
      }
      phases.close();
      const ours = Number(process.hrtime.bigint() - t0) / 1e9;
      if (end.status !== 'COMPLETED') throw new Error(`${id}: ${end.status} ${end.error}`);
      const peak = Math.max(...phases.peaks.values());
      const cli = withCli ? await cliSeconds(deps, descriptor, `${id}-cli`, file) : undefined;
      const line = [file.split('/').pop(), n, (statSync(file).size / 1024 ** 2).toFixed(0), ours.toFixed(1), cli?.toFixed(1) ?? '-', cli ? (ours / cli).toFixed(2) : '-', peak.toFixed(0),
        phases.text('upload'), phases.text('reading'), phases.text('indexing'), idle?.toFixed(0) ?? '?'].join('\t');
      console.error(line);
      lines.push(line);
    }
  } finally {
    api.stop();
    await deps.close();
  }
  console.log(lines.join('\n'));
}

main().catch((err: unknown) => { console.error(err); process.exitCode = 1; });
