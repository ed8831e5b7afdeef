import { Agent, createServer, IncomingHttpHeaders, IncomingMessage, request, Server, ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { Socket } from 'node:net';

type Fault = { kind: 'status'; status: number } | { kind: 'reset' };

/**
 * A loopback HTTP proxy in front of a real Elasticsearch node (the TcpProxy technique, one level
 * up): every request goes through to the node unless a fault was queued for it. Faults: answer a
 * status as Elasticsearch would (429, 503), cut the connection without answering (as a node that
 * dies mid-request), hold requests until released (in flight for as long as a test needs),
 * answer late, or be down altogether (stopped: connection refused). It counts the requests it saw
 * and keeps the headers of the last one; with `tls` it listens for HTTPS.
 */
export class FaultProxy {
  /** Requests received (faulted ones included). */
  requests = 0;
  /** The headers of the last request received. */
  lastHeaders: IncomingHttpHeaders = {};
  /** Pause before forwarding each request, in milliseconds. */
  delayMs = 0;
  port = 0;
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  private readonly faults: Fault[] = [];
  private readonly agent = new Agent({ keepAlive: true });
  private holding = false;
  private held: Array<() => void> = [];
  private heldWaiters: Array<{ count: number; resolve: () => void }> = [];

  constructor(private readonly target: URL, private readonly tls?: { key: Buffer; cert: Buffer }) {}

  async start(port = this.port): Promise<void> {
    const handle = (req: IncomingMessage, res: ServerResponse): void => this.handle(req, res);
    this.server = this.tls ? createTlsServer(this.tls, handle) : createServer(handle);
    this.server.on(this.tls ? 'secureConnection' : 'connection', (s) => { this.sockets.add(s); s.on('close', () => this.sockets.delete(s)); });
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
    this.port = (this.server.address() as { port: number }).port;
  }

  /** Down: the port refuses connections and every open connection is cut. */
  async stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server = undefined;
  }

  get url(): string {
    return `${this.tls ? 'https' : 'http'}://127.0.0.1:${this.port}`;
  }

  /** The next `count` requests are answered `status` with an Elasticsearch error body. */
  answerNext(status: number, count: number): void {
    for (let i = 0; i < count; i++) this.faults.push({ kind: 'status', status });
  }

  /** The next `count` requests have their connection cut before any answer. */
  resetNext(count: number): void {
    for (let i = 0; i < count; i++) this.faults.push({ kind: 'reset' });
  }

  /** Drops the faults not used yet. */
  clearFaults(): void {
    this.faults.length = 0;
  }

  /** Requests from now on wait, unforwarded, until `release()`. */
  hold(): void {
    this.holding = true;
  }

  /** Resolves once `count` requests are held. */
  whenHeld(count: number): Promise<void> {
    if (this.held.length >= count) return Promise.resolve();
    return new Promise((resolve) => this.heldWaiters.push({ count, resolve }));
  }

  release(): void {
    this.holding = false;
    const held = this.held;
    this.held = [];
    held.forEach((go) => go());
  }

  async close(): Promise<void> {
    this.release();
    await this.stop();
    this.agent.destroy();
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    this.requests++;
    this.lastHeaders = req.headers;
    const fault = this.faults.shift();
    if (fault?.kind === 'reset') { req.socket.destroy(); return; }
    if (fault?.kind === 'status') {
      const body = JSON.stringify({ error: { type: fault.status === 429 ? 'es_rejected_execution_exception' : 'unavailable_shards_exception', reason: 'injected by FaultProxy' }, status: fault.status });
      req.resume();
      res.writeHead(fault.status, { 'content-type': 'application/json', 'x-elastic-product': 'Elasticsearch' }).end(body);
      return;
    }
    const forward = (): void => { setTimeout(() => this.forward(req, res), this.delayMs); };
    if (!this.holding) { forward(); return; }
    this.held.push(forward);
    this.heldWaiters = this.heldWaiters.filter((w) => (w.count <= this.held.length ? (w.resolve(), false) : true));
  }

  private forward(req: IncomingMessage, res: ServerResponse): void {
    const upstream = request({
      host: this.target.hostname, port: Number(this.target.port || 9200), method: req.method, path: req.url,
      headers: { ...req.headers, host: this.target.host }, agent: this.agent,
    }, (answer) => {
      if (res.destroyed) { answer.resume(); return; }
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    res.on('close', () => { if (!res.writableFinished) upstream.destroy(); });
    req.pipe(upstream);
  }
}
