import { createServer, Server, Socket } from 'node:net';

/**
 * A loopback TCP proxy to a real server, to make that server unreachable and reachable again
 * without restarting it (as a stopped node looks to the client: connection refused), or silent
 * (`stalled`: connections are accepted and bytes are taken but nothing is passed on, in either
 * direction, as a hung node looks to the client).
 */
export class TcpProxy {
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  port = 0;
  /** While true, nothing is passed on, on new or open connections. */
  stalled = false;

  constructor(private readonly targetHost: string, private readonly targetPort: number) {}

  async start(port = this.port): Promise<void> {
    this.server = createServer((client) => {
      const upstream = new Socket();
      upstream.connect(this.targetPort, this.targetHost);
      for (const s of [client, upstream]) { this.sockets.add(s); s.on('close', () => this.sockets.delete(s)); s.on('error', () => s.destroy()); }
      client.on('data', (chunk) => { if (!this.stalled) upstream.write(chunk); });
      upstream.on('data', (chunk) => { if (!this.stalled) client.write(chunk); });
      client.on('end', () => upstream.end());
      upstream.on('end', () => client.end());
    });
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
    this.port = (this.server.address() as { port: number }).port;
  }

  async stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server = undefined;
  }
}
