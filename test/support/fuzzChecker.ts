import { Agent, type IncomingHttpHeaders, request } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { FuzzRequest } from './fuzzRequests';

/**
 * Sends generated requests to a running server over real sockets and judges each answer: its
 * status, whether a body that should be whole is whole (a 200 that ends without its closing bytes,
 * or a connection cut, is truncated), and how long it took (reported, never asserted).
 */

/** What one request got. */
export interface Verdict { status: number; ms: number; truncated?: string }

/** Answers slower than this are counted (not refused: speed belongs in bench/). */
export const SLOW_MS = 2000;
/** A request still unanswered after this is abandoned and counted as slow. */
const GIVE_UP_MS = 60_000;

const parses = (text: string): boolean => { try { JSON.parse(text); return true; } catch { return false; } };

/** Why a complete 200 body is not whole for its content type, or undefined when it is. */
export function incompleteBody(contentType: string, body: string): string | undefined {
  const type = contentType.split(';')[0].trim();
  switch (type) {
    case 'application/json': case 'application/geo+json':
      return parses(body) ? undefined : 'JSON body does not parse';
    case 'text/javascript': {
      const m = /^\/\*\*\/[\w$.]+\(([\s\S]*)\);$/.exec(body);
      return m && parses(m[1]) ? undefined : 'JSONP body is not callback(JSON);';
    }
    case 'application/x-ndjson':
      return body === '' || (body.endsWith('\n') && body.slice(0, -1).split('\n').every(parses)) ? undefined : 'NDJSON body has a broken line';
    case 'text/csv':
      return body.endsWith('\n') ? undefined : 'CSV body does not end with a line break';
    default:
      return undefined;
  }
}

/** A body's text once decoded by its Content-Encoding (gzip or Brotli), or undefined when it does not decode whole. */
function decoded(headers: IncomingHttpHeaders, bytes: Buffer): string | undefined {
  try {
    const coding = headers['content-encoding'];
    return (coding === 'gzip' ? gunzipSync(bytes) : coding === 'br' ? brotliDecompressSync(bytes) : bytes).toString('utf8');
  } catch {
    return undefined;
  }
}

/** Sends one request and waits for the whole answer (or the connection's end). */
export function send(base: string, r: FuzzRequest, agent: Agent): Promise<Verdict> {
  const started = process.hrtime.bigint();
  const ms = (): number => Math.round(Number(process.hrtime.bigint() - started) / 1e6);
  return new Promise((resolve) => {
    const headers: Record<string, string> = { ...r.headers };
    if (r.body) Object.assign(headers, { 'Content-Type': r.body.contentType, 'Content-Length': String(Buffer.byteLength(r.body.text)) });
    const req = request(`${base}${r.url}`, { method: r.method, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const status = res.statusCode ?? 0;
        const body = decoded(res.headers, Buffer.concat(chunks));
        const problem = body === undefined ? `a ${String(res.headers['content-encoding'])} body that does not decode`
          : status === 200 || (res.headers['content-type'] ?? '').includes('json') ? incompleteBody(res.headers['content-type'] ?? '', body) : undefined;
        resolve({ status, ms: ms(), ...(problem ? { truncated: problem } : {}) });
      });
      res.on('error', () => { /* a cut connection: judged on close */ });
      res.on('close', () => { if (!res.complete) resolve({ status: res.statusCode ?? 0, ms: ms(), truncated: 'connection cut' }); });
    });
    req.setTimeout(GIVE_UP_MS, () => { req.destroy(); resolve({ status: 0, ms: ms() }); });
    req.on('error', (err: NodeJS.ErrnoException) => resolve({ status: 0, ms: ms(), truncated: `no answer: ${err.code ?? err.message}` }));
    req.end(r.body?.text);
  });
}

/** The request as a command line, to replay it by hand. */
export function curlOf(base: string, r: FuzzRequest): string {
  const quote = (s: string) => `'${s.replace(/'/g, "'\\''")}'`;
  const headers = Object.entries({ ...r.headers, ...(r.body ? { 'Content-Type': r.body.contentType } : {}) }).map(([k, v]) => `-H ${quote(`${k}: ${v}`)}`);
  const body = r.body ? [`--data-binary ${quote(r.body.text.length > 500 ? `${r.body.text.slice(0, 500)}…` : r.body.text)}`] : [];
  return ['curl', '-X', r.method, ...headers, ...body, quote(`${base}${r.url}`.slice(0, 2000))].join(' ');
}

/** Counts over a run: statuses per family, and every 5xx, truncation and slow answer. */
export interface FuzzTally {
  byFamily: Map<string, Map<number, number>>;
  serverErrors: Array<{ request: FuzzRequest; verdict: Verdict }>;
  truncated: Array<{ request: FuzzRequest; verdict: Verdict }>;
  slow: number;
  /** The ten slowest, slowest first. */
  slowest: Array<{ request: FuzzRequest; verdict: Verdict }>;
}

/** Sends every request, `concurrency` at a time, and tallies the verdicts. */
export async function runFuzz(base: string, requests: readonly FuzzRequest[], concurrency: number): Promise<FuzzTally> {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const tally: FuzzTally = { byFamily: new Map(), serverErrors: [], truncated: [], slow: 0, slowest: [] };
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < requests.length) {
      const request = requests[next++];
      const verdict = await send(base, request, agent);
      const statuses = tally.byFamily.get(request.family) ?? new Map<number, number>();
      statuses.set(verdict.status, (statuses.get(verdict.status) ?? 0) + 1);
      tally.byFamily.set(request.family, statuses);
      if (verdict.status >= 500) tally.serverErrors.push({ request, verdict });
      if (verdict.truncated) tally.truncated.push({ request, verdict });
      if (verdict.ms > SLOW_MS || verdict.status === 0) tally.slow++;
      tally.slowest = [...tally.slowest, { request, verdict }].sort((a, b) => b.verdict.ms - a.verdict.ms).slice(0, 10);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  agent.destroy();
  return tally;
}

/** A readable report of a run. */
export function fuzzReport(base: string, seed: number, tally: FuzzTally): string {
  const lines = [`fuzz seed ${seed} (replay with FUZZ_SEED=${seed})`];
  for (const [family, statuses] of [...tally.byFamily].sort()) {
    lines.push(`  ${family.padEnd(18)} ${[...statuses].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`).join(' ')}`);
  }
  lines.push(`5xx: ${tally.serverErrors.length}, truncated: ${tally.truncated.length}, over ${SLOW_MS} ms: ${tally.slow} (slowest ${tally.slowest[0]?.verdict.ms ?? 0} ms)`);
  for (const { request, verdict } of [...tally.serverErrors, ...tally.truncated].slice(0, 20)) {
    lines.push(`  ${verdict.status} ${verdict.truncated ?? ''} ${curlOf(base, request)}`);
  }
  lines.push('slowest:', ...tally.slowest.map(({ request, verdict }) => `  ${verdict.ms} ms ${verdict.status} ${curlOf(base, request).slice(0, 400)}`));
  return lines.join('\n');
}
